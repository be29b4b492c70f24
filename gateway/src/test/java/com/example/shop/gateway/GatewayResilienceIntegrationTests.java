package com.example.shop.gateway;

import java.time.Duration;
import java.util.UUID;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.example.shop.platform.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the caller sees when a service is down or slow: a fast problem+json answer from the gateway, within the
 * route's time limit. Time limits are shortened here (1 s by default, 3 s for orders) to keep the tests quick;
 * production uses 5 s and 15 s.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "shop.gateway.resilience.default-timeout=1s",
        "shop.gateway.resilience.timeouts.order-service=3s" })
@AutoConfigureWebTestClient(timeout = "15s")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayResilienceIntegrationTests {

    static final FakeService catalog = FakeService.start("catalog-service");
    static final FakeService orders = FakeService.start("order-service");
    static final String cartsDown = FakeService.closedPortUrl();
    static final String customersDown = FakeService.closedPortUrl();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        TestTokens.register(registry);
        registry.add("SHOP_CATALOG_URL", catalog::url);
        registry.add("SHOP_ORDER_URL", orders::url);
        registry.add("SHOP_CART_URL", () -> cartsDown);
        registry.add("SHOP_CUSTOMER_URL", () -> customersDown);
    }

    /**
     * The first request through a fresh JVM loads classes and fetches the JWKS; the timing assertions below are
     * about the gateway's time limits, not about that one-off cost.
     */
    @BeforeAll
    void warmUp() {
        client.get().uri("/api/orders/warm-up").header(HttpHeaders.AUTHORIZATION, bearer()).exchange()
                .expectStatus().isOk();
    }

    @AfterAll
    static void stopServices() {
        catalog.stop();
        orders.stop();
    }

    @Autowired
    WebTestClient client;

    @Autowired
    ReactiveResilience4JCircuitBreakerFactory circuitBreakers;

    private static String bearer() {
        return "Bearer " + TestTokens.customer(UUID.randomUUID(), "ada@example.com");
    }

    @Test
    void serviceThatRefusesConnectionsIsAnsweredWith503ProblemWithinTwoSeconds() {
        long started = System.nanoTime();

        client.get().uri("/api/cart").header(HttpHeaders.AUTHORIZATION, bearer()).exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("about:blank")
                .jsonPath("$.title").isEqualTo("Service Unavailable")
                .jsonPath("$.status").isEqualTo(503)
                .jsonPath("$.detail").isEqualTo("cart-service is unavailable; try again shortly.");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void openRouteToAServiceThatIsDownIsAlsoA503Problem() {
        client.post().uri("/api/auth/token").contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("customer-service is unavailable; try again shortly.");
    }

    @Test
    void slowServiceIsAnsweredWith504ProblemOnceItsTimeLimitHasPassed() {
        long started = System.nanoTime();

        client.get().uri("/api/products/{id}?delayMs=8000", UUID.randomUUID()).exchange()
                .expectStatus().isEqualTo(504)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.title").isEqualTo("Gateway Timeout")
                .jsonPath("$.detail").isEqualTo("catalog-service did not answer in time; try again shortly.");

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        // The time limit is 1 s and the service takes 8 s: the answer comes from the limit, with slack for a busy machine.
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(900)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void ordersRouteWaitsLongerThanTheDefaultTimeLimit() {
        client.post().uri("/api/orders?delayMs=1500").header(HttpHeaders.AUTHORIZATION, bearer())
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.service").isEqualTo("order-service");
    }

    @Test
    void ordersRouteStillHasATimeLimit() {
        long started = System.nanoTime();

        client.post().uri("/api/orders?delayMs=10000").header(HttpHeaders.AUTHORIZATION, bearer())
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isEqualTo(504)
                .expectBody().jsonPath("$.detail").isEqualTo("order-service did not answer in time; try again shortly.");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(6));
    }

    @Test
    void serviceThatKeepsFailingGetsItsCircuitOpenedAndIsStillAnsweredWith503() {
        for (int i = 0; i < 12; i++) {
            client.get().uri("/api/cart/items").header(HttpHeaders.AUTHORIZATION, bearer()).exchange()
                    .expectStatus().isEqualTo(503);
        }
        CircuitBreaker cart = circuitBreakers.getCircuitBreakerRegistry().circuitBreaker("cart-service");
        assertThat(cart.getState()).isEqualTo(CircuitBreaker.State.OPEN);

        client.get().uri("/api/cart").header(HttpHeaders.AUTHORIZATION, bearer()).exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("cart-service is unavailable; try again shortly.");
    }

    @Test
    void serviceOwn4xxAnswersDoNotCountAgainstItsCircuit() {
        for (int i = 0; i < 12; i++) {
            client.get().uri("/api/products/missing").exchange().expectStatus().isNotFound();
        }
        CircuitBreaker catalogCircuit = circuitBreakers.getCircuitBreakerRegistry().circuitBreaker("catalog-service");
        assertThat(catalogCircuit.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }
}
