package com.example.shop.catalog.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The internal reservation endpoints, called over HTTP as order-service calls them, and a way to fire many
 * calls at once. Test classes implement it and say which client and threads to use.
 */
interface ReservationCalls {

    record Outcome(UUID orderId, String status) {
    }

    @FunctionalInterface
    interface IndexedCall {
        Outcome run(int index);
    }

    RestTestClient client();

    ExecutorService threads();

    default Outcome reserve(UUID order, Map<?, ?>... lines) {
        return client().post().uri("/internal/reservations").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("orderId", order, "lines", List.of(lines)))
                .exchange()
                .expectStatus().isOk()
                .returnResult(Outcome.class).getResponseBody();
    }

    default Outcome release(UUID order) {
        return client().post().uri("/internal/reservations/{id}/release", order)
                .exchange()
                .expectStatus().isOk()
                .returnResult(Outcome.class).getResponseBody();
    }

    default Outcome commit(UUID order) {
        return client().post().uri("/internal/reservations/{id}/commit", order)
                .exchange()
                .expectStatus().isOk()
                .returnResult(Outcome.class).getResponseBody();
    }

    default Map<String, Object> line(UUID productId, int quantity) {
        return Map.of("productId", productId, "quantity", quantity);
    }

    /** Runs {@code count} calls at once (released together by a latch) and returns their results. */
    default List<Outcome> concurrently(int count, IndexedCall call) throws Exception {
        var start = new CountDownLatch(1);
        List<Future<Outcome>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int index = i;
            Callable<Outcome> task = () -> {
                start.await();
                return call.run(index);
            };
            futures.add(threads().submit(task));
        }
        start.countDown();
        List<Outcome> outcomes = new ArrayList<>();
        for (Future<Outcome> future : futures) {
            outcomes.add(future.get(60, TimeUnit.SECONDS));
        }
        return outcomes;
    }
}
