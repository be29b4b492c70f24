package com.example.shop.e2e;

import static com.example.shop.e2e.ShopApi.checkout;
import static com.example.shop.e2e.ShopApi.get;
import static com.example.shop.e2e.ShopApi.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.example.shop.e2e.ShopApi.Customer;

import tools.jackson.databind.JsonNode;

/** Many buyers, little stock: the catalogue must neither oversell nor lose units. */
class ScarceStockE2ETests {

    @Test
    void twentyBuyersOfFiveUnitsGiveFiveConfirmedAndFifteenOutOfStock() throws Exception {
        String productId = Products.create(ShopApi.adminToken(), "Limited print", "80.00", 5).get("id").asString();
        List<Customer> buyers = IntStream.range(0, 20).mapToObj(i -> Customer.registerNew("Buyer " + (char) ('a' + i))).toList();
        for (Customer buyer : buyers) {
            assertThat(post("/api/cart/items", buyer.token(), Map.of("productId", productId, "quantity", 1)).status())
                    .isBetween(200, 201);
        }

        List<Callable<String>> checkouts = buyers.stream().<Callable<String>>map(buyer -> () -> {
            var placed = post("/api/orders", buyer.token(), checkout("tok_visa", "Buyer"),
                    Map.of("Idempotency-Key", UUID.randomUUID().toString()));
            String id = placed.body().get("id").asString();
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(
                    () -> !"PENDING".equals(get("/api/orders/" + id, buyer.token()).body().get("status").asString()));
            var order = get("/api/orders/" + id, buyer.token()).body();
            JsonNode reason = order.get("rejectionReason");
            return order.get("status").asString() + "/" + (reason == null || reason.isNull() ? "" : reason.asString());
        }).toList();
        List<String> outcomes;
        try (ExecutorService pool = Executors.newFixedThreadPool(20)) {
            outcomes = pool.invokeAll(checkouts).stream().map(ScarceStockE2ETests::outcome).toList();
        }

        Map<String, Long> counts = outcomes.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(counts).containsOnlyKeys("CONFIRMED/", "REJECTED/OUT_OF_STOCK");
        assertThat(counts.get("CONFIRMED/")).isEqualTo(5);
        assertThat(counts.get("REJECTED/OUT_OF_STOCK")).isEqualTo(15);
        assertThat(Products.available(productId)).isZero();
    }

    private static String outcome(Future<String> future) {
        try {
            return future.get();
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }
}
