package com.example.shop.order.ordering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
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
import com.example.shop.platform.testsupport.TestKafka;
import com.example.shop.platform.testsupport.TestPostgres;
import com.example.shop.platform.testsupport.TestTokens;

/**
 * One circuit breaker per downstream service: once enough calls to a service failed, further calls are not
 * made at all and fail at once as the service being unavailable (an order stays PENDING, a cart that cannot be
 * read is a 503 with Retry-After); after the open duration a probe goes through, a healthy service closes the
 * breaker again, and the recovery job finishes the orders that waited. Real PostgreSQL and Kafka; the other
 * services are {@link StubDownstreams}, which count every request they receive.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "shop.messaging.relay.poll-interval=100ms",
        "shop.order.recovery.interval=300ms",
        // Long enough that the recovery job leaves the orders alone while the breaker is being opened, so the
        // requests counted at the stand-in are the checkouts' own.
        "shop.order.recovery.stale-after=3s",
        "shop.clients.retry-backoff=50ms",
        "resilience4j.circuitbreaker.instances.payment.wait-duration-in-open-state=2s",
        "resilience4j.circuitbreaker.instances.cart.wait-duration-in-open-state=2s" })
class CircuitBreakerIntegrationTests {

    private static final StubDownstreams downstreams = new StubDownstreams();
    private static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestPostgres.register(registry, "orders_breaker_test");
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
        downstreams.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    CircuitBreakerRegistry breakers;

    private LifecycleFixture api;

    @BeforeEach
    void fixture() {
        api = new LifecycleFixture(downstreams, port);
    }

    @Test
    void aFailingPaymentServiceOpensItsBreakerSoPaymentsFailFastAndTheRecoveryJobConfirmsTheWaitingOrdersOnceItAnswers() {
        CircuitBreaker payment = breakers.circuitBreaker("payment");
        List<CircuitBreaker.StateTransition> transitions = new CopyOnWriteArrayList<>();
        payment.getEventPublisher().onStateTransition(event -> transitions.add(event.getStateTransition()));
        downstreams.authorizationsDown(true);

        // Two checkouts fail twice each (two attempts); the third one's first attempt is the fifth failure, which
        // opens the breaker, so its second attempt is not made.
        UUID first = pendingCheckout();
        UUID second = pendingCheckout();
        UUID third = pendingCheckout();
        assertThat(payment.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(downstreams.payments(first)).hasSize(2);
        assertThat(downstreams.payments(second)).hasSize(2);
        assertThat(downstreams.payments(third)).hasSize(1);

        // With the breaker open, a checkout reserves stock and leaves the order PENDING (202), as when
        // payment-service is down, without asking payment-service at all.
        UUID refused = pendingCheckout();
        assertThat(downstreams.payments(refused)).isEmpty();
        assertThat(downstreams.reservations(refused)).hasSize(1);
        assertThat(payment.getState()).isEqualTo(CircuitBreaker.State.OPEN);

        // payment-service answers again: after the open duration the recovery job's next pass probes it, the
        // breaker closes, and every waiting order is paid and confirmed once.
        downstreams.authorizationsDown(false);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (UUID order : List.of(first, second, third, refused)) {
                assertThat(api.adminView(order).status("status")).isEqualTo("CONFIRMED");
            }
        });
        assertThat(payment.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(transitions).containsSubsequence(CircuitBreaker.StateTransition.CLOSED_TO_OPEN,
                CircuitBreaker.StateTransition.OPEN_TO_HALF_OPEN, CircuitBreaker.StateTransition.HALF_OPEN_TO_CLOSED);
        assertThat(downstreams.payments(refused)).hasSize(1);
        assertThat(downstreams.payments(first)).hasSize(3);
        assertThat(downstreams.payments(second)).hasSize(3);
        assertThat(downstreams.payments(third)).hasSize(2);
        for (UUID order : List.of(first, second, third, refused)) {
            assertThat(downstreams.ledger(order).authorized).isEqualByComparingTo("19.99");
            assertThat(api.adminView(order).body().get("history").valueStream()
                    .filter(change -> change.get("to").asString().equals("CONFIRMED")
                            && !change.get("from").asString().equals("CONFIRMED"))
                    .count()).isOne();
        }
    }

    @Test
    void aFailingCartServiceOpensItsBreakerSoCheckoutsAnswer503WithoutReadingTheCartUntilItAnswersAgain() {
        CircuitBreaker cart = breakers.circuitBreaker("cart");
        Shopper broken = shopperWithCart();
        downstreams.breakCart(broken.token());
        int readsBefore = downstreams.cartReads().size();
        for (int i = 0; i < 3; i++) {
            assertThat(checkout(broken, UUID.randomUUID().toString()).statusCode()).isEqualTo(503);
        }
        assertThat(cart.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(downstreams.cartReads()).hasSize(readsBefore + 5);

        // Another customer's healthy cart is not read while the breaker is open: 503 with Retry-After, and no
        // order stored, as when cart-service is down.
        Shopper healthy = shopperWithCart();
        String key = UUID.randomUUID().toString();
        HttpResponse<String> refused = checkout(healthy, key);
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(downstreams.cartReads()).hasSize(readsBefore + 5);
        assertThat(api.send("GET", "/api/orders", healthy.token(), null, Map.of()).body()).isEmpty();

        // After the open duration the customer's retry (same key) is let through as a probe and placed; a
        // second healthy checkout closes the breaker.
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                .until(() -> checkout(healthy, key).statusCode() == 201);
        assertThat(checkout(shopperWithCart(), UUID.randomUUID().toString()).statusCode()).isEqualTo(201);
        assertThat(cart.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(api.send("GET", "/api/orders", healthy.token(), null, Map.of()).body()).hasSize(1);
    }

    private UUID pendingCheckout() {
        Shopper shopper = shopperWithCart();
        HttpResponse<String> placed = checkout(shopper, UUID.randomUUID().toString());
        assertThat(placed.statusCode()).isEqualTo(202);
        Response body = new Response(placed.statusCode(), LifecycleFixture.json.readTree(placed.body()), "");
        assertThat(body.status("status")).isEqualTo("PENDING");
        return UUID.fromString(body.status("id"));
    }

    private static Shopper shopperWithCart() {
        Shopper shopper = Shopper.create();
        downstreams.cart(shopper.token(),
                List.of(StubDownstreams.item(UUID.randomUUID(), "MUG-001", "Enamel mug", 1, "19.99")));
        return shopper;
    }

    private HttpResponse<String> checkout(Shopper shopper, String idempotencyKey) {
        String body = LifecycleFixture.json.writeValueAsString(Map.of("paymentToken", "tok_visa",
                "shippingAddress", Map.of("name", "Ada", "line1", "1 Main Street", "city", "Utrecht",
                        "postalCode", "3511 AB", "country", "NL")));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/orders"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + shopper.token())
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
        catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}
