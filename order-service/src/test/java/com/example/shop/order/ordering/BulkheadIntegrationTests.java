package com.example.shop.order.ordering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.example.shop.order.ordering.LifecycleFixture.Response;
import com.example.shop.order.ordering.LifecycleFixture.Shopper;
import com.example.shop.order.ordering.client.ClientProperties;
import com.example.shop.platform.testsupport.TestKafka;
import com.example.shop.platform.testsupport.TestPostgres;
import com.example.shop.platform.testsupport.TestTokens;

/**
 * One bulkhead per downstream service: a payment-service that hangs holds at most its bulkhead's worth of
 * request threads; a further payment fails fast as "unavailable" (the order stays PENDING for the recovery
 * job, as for any unavailable payment), and requests that need other services, or none, are served as usual.
 * Real PostgreSQL and Kafka; the other services are {@link StubDownstreams}, whose payment stand-in hangs on
 * {@link StubDownstreams#HANGING_TOKEN}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "shop.messaging.relay.poll-interval=100ms",
        "shop.order.recovery.interval=300ms",
        "shop.order.recovery.stale-after=1s",
        // Long enough that the hanging calls stay in flight for the whole check; the checks need only half.
        "shop.clients.read-timeout=20s",
        "shop.clients.retry-backoff=50ms",
        // Few permits, so saturating the bulkhead takes few threads on a small machine.
        "resilience4j.bulkhead.instances.payment.max-concurrent-calls=3" })
class BulkheadIntegrationTests {

    private static final StubDownstreams downstreams = new StubDownstreams();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestPostgres.register(registry, "orders_bulkhead_test");
        TestKafka.register(registry);
        TestTokens.register(registry);
        registry.add("shop.clients.cart-url", downstreams::url);
        registry.add("shop.clients.catalog-url", downstreams::url);
        registry.add("shop.clients.payment-url", downstreams::url);
        registry.add("shop.clients.shipping-url", downstreams::url);
        registry.add("shop.clients.loyalty-url", downstreams::url);
    }

    @AfterAll
    static void stop() {
        downstreams.releaseHangingPayments();
        downstreams.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    BulkheadRegistry bulkheads;

    @Autowired
    ClientProperties clients;

    private LifecycleFixture api;

    @BeforeEach
    void fixture() {
        api = new LifecycleFixture(downstreams, port);
    }

    @Test
    void aHangingPaymentServiceFillsOnlyItsBulkheadSoFurtherPaymentsFailFastAndOtherCallsAreStillServed()
            throws Exception {
        Bulkhead payment = bulkheads.bulkhead("payment");
        int permits = payment.getBulkheadConfig().getMaxConcurrentCalls();
        Duration fast = clients.readTimeout().dividedBy(2);
        ExecutorService customers = Executors.newFixedThreadPool(permits);
        List<Future<Response>> hanging = new ArrayList<>();
        for (int i = 0; i < permits; i++) {
            Shopper shopper = Shopper.create();
            hanging.add(customers.submit(() -> checkout(shopper, StubDownstreams.HANGING_TOKEN, "19.99")));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> downstreams.paymentsHanging() == permits);
        assertThat(payment.getMetrics().getAvailableConcurrentCalls()).isZero();

        // (a) One more payment waits its turn (max-wait-duration, 2 s) and is then refused by the full bulkhead, as
        // if payment-service were down: the order stays PENDING (202) with its stock reserved, and payment-service
        // never heard of it. It is answered long before the hanging calls' read time-out.
        Shopper late = Shopper.create();
        long started = System.nanoTime();
        Response refused = checkout(late, "tok_visa", "19.99");
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(took).isLessThan(fast);
        assertThat(refused.status()).isEqualTo(202);
        assertThat(refused.status("status")).isEqualTo("PENDING");
        UUID lateOrder = UUID.fromString(refused.status("id"));
        assertThat(downstreams.reservations(lateOrder)).isNotEmpty();
        assertThat(downstreams.payments(lateOrder)).isEmpty();

        // (b) Calls that need cart- and catalog-service only (a free cart needs no payment), or no other service
        // (the customer's order list), are served as usual meanwhile.
        Shopper other = Shopper.create();
        started = System.nanoTime();
        Response free = checkout(other, "tok_visa", "0.00");
        Response list = api.send("GET", "/api/orders", late.token(), null, Map.of());
        took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(free.status()).isEqualTo(201);
        assertThat(free.status("status")).isEqualTo("CONFIRMED");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().valueStream().map(order -> order.get("id").asString()))
                .containsExactly(lateOrder.toString());
        assertThat(took).isLessThan(fast);
        assertThat(downstreams.paymentsHanging()).isEqualTo(permits);

        // Once payment-service answers again, the hanging checkouts finish and the recovery job pays the order
        // the bulkhead turned away, once.
        downstreams.releaseHangingPayments();
        for (Future<Response> checkout : hanging) {
            Response placed = checkout.get(30, TimeUnit.SECONDS);
            assertThat(placed.status()).isEqualTo(201);
            assertThat(placed.status("status")).isEqualTo("CONFIRMED");
        }
        customers.shutdown();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                api.send("GET", "/api/orders/" + lateOrder, late.token(), null, Map.of()).status("status"))
                .isEqualTo("CONFIRMED"));
        assertThat(downstreams.payments(lateOrder)).hasSize(1);
        assertThat(payment.getMetrics().getAvailableConcurrentCalls()).isEqualTo(permits);
    }

    private Response checkout(Shopper shopper, String paymentToken, String unitPrice) {
        downstreams.cart(shopper.token(),
                List.of(StubDownstreams.item(UUID.randomUUID(), "MUG-001", "Enamel mug", 1, unitPrice)));
        Map<String, Object> body = new HashMap<>(Map.of("paymentToken", paymentToken,
                "shippingAddress", Map.of("name", "Ada", "line1", "1 Main Street", "city", "Utrecht",
                        "postalCode", "3511 AB", "country", "NL")));
        return api.send("POST", "/api/orders", shopper.token(), body,
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    }
}
