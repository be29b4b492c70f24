package com.example.shop.gateway;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.example.shop.platform.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway in front of five stand-in services on loopback: which path goes where, which paths need a token,
 * and what the caller sees when nothing is routed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class GatewayRoutingIntegrationTests {

    static final FakeService customers = FakeService.start("customer-service");
    static final FakeService catalog = FakeService.start("catalog-service");
    static final FakeService carts = FakeService.start("cart-service");
    static final FakeService orders = FakeService.start("order-service");
    static final FakeService notifications = FakeService.start("notification-service");
    static final FakeService payments = FakeService.start("payment-service");
    static final FakeService shipping = FakeService.start("shipping-service");
    static final FakeService loyalty = FakeService.start("loyalty-service");

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        TestTokens.register(registry);
        registry.add("SHOP_CUSTOMER_URL", customers::url);
        registry.add("SHOP_CATALOG_URL", catalog::url);
        registry.add("SHOP_CART_URL", carts::url);
        registry.add("SHOP_ORDER_URL", orders::url);
        registry.add("SHOP_NOTIFICATION_URL", notifications::url);
        registry.add("SHOP_PAYMENT_URL", payments::url);
        registry.add("SHOP_SHIPPING_URL", shipping::url);
        registry.add("SHOP_LOYALTY_URL", loyalty::url);
    }

    @AfterAll
    static void stopServices() {
        customers.stop();
        catalog.stop();
        carts.stop();
        orders.stop();
        notifications.stop();
        payments.stop();
        shipping.stop();
        loyalty.stop();
    }

    @Autowired
    WebTestClient client;

    @LocalServerPort
    int port;

    private static String customerToken() {
        return TestTokens.customer(UUID.randomUUID(), "ada@example.com");
    }

    @Test
    void productsAreReadableWithoutToken() {
        client.get().uri("/api/products").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.service").isEqualTo("catalog-service");
        client.get().uri("/api/products/{id}", UUID.randomUUID()).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.service").isEqualTo("catalog-service");
    }

    @Test
    void registrationAndTokenRequestsAreOpenWithoutToken() {
        client.post().uri("/api/customers").contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.service").isEqualTo("customer-service");
        client.post().uri("/api/auth/token").contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.service").isEqualTo("customer-service");
    }

    @Test
    void protectedRouteWithoutTokenIsRejectedWith401ProblemAndNeverReachesTheService() {
        client.get().uri("/api/orders").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectBody()
                .jsonPath("$.type").isEqualTo("about:blank")
                .jsonPath("$.title").isEqualTo("Unauthorized")
                .jsonPath("$.status").isEqualTo(401);
        assertThat(orders.receivedOn("/api/orders")).isEmpty();
    }

    @Test
    void cartRoutesAreOpenWithoutTokenSoGuestsCanShopWithACartToken() {
        client.get().uri("/api/cart").header("X-Cart-Token", "guest-cart-token").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.service").isEqualTo("cart-service");
        client.post().uri("/api/cart/items").contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.service").isEqualTo("cart-service");

        // Other tests reach /api/cart with a token; this one's request is the one without.
        assertThat(carts.receivedOn("/api/cart")).anySatisfy(received -> assertThat(received.authorization()).isNull());
    }

    @Test
    void cartRouteWithATokenThatDoesNotVerifyIsStillRejectedWith401AndNeverReachesTheService() {
        String path = "/api/cart/items/" + UUID.randomUUID();
        client.delete().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer not.a.token").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueMatches(HttpHeaders.WWW_AUTHENTICATE, "Bearer.*invalid_token.*");

        assertThat(carts.receivedOn(path)).isEmpty();
    }

    @Test
    void changingProductsNeedsToken() {
        client.post().uri("/api/products").contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void tokenThatDoesNotVerifyIsRejectedWith401Problem() {
        client.get().uri("/api/orders").header(HttpHeaders.AUTHORIZATION, "Bearer not.a.token").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueMatches(HttpHeaders.WWW_AUTHENTICATE, "Bearer.*invalid_token.*")
                .expectBody().jsonPath("$.status").isEqualTo(401);
    }

    @Test
    void tokenFromAnotherIssuerIsRejectedWith401ProblemEvenWhenSignedWithAPublishedKey() {
        String foreign = TestTokens.token(UUID.randomUUID().toString(), "ada@example.com", List.of("CUSTOMER", "ADMIN"),
                "https://elsewhere.example");
        client.get().uri("/api/orders").header(HttpHeaders.AUTHORIZATION, "Bearer " + foreign).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void validTokenIsForwardedWithTheAuthorizationHeaderUnchanged() {
        String bearer = "Bearer " + customerToken();
        String path = "/api/orders/" + UUID.randomUUID();

        client.get().uri(path).header(HttpHeaders.AUTHORIZATION, bearer).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.service").isEqualTo("order-service");

        assertThat(orders.receivedOn(path)).singleElement()
                .satisfies(received -> assertThat(received.authorization()).isEqualTo(bearer));
    }

    @Test
    void everyServiceIsReachableUnderItsOwnPrefix() {
        String bearer = "Bearer " + customerToken();
        expectRoutedTo("/api/cart", bearer, "cart-service");
        expectRoutedTo("/api/cart/items", bearer, "cart-service");
        expectRoutedTo("/api/orders", bearer, "order-service");
        expectRoutedTo("/api/customers/me", bearer, "customer-service");
    }

    @Test
    void backOfficePathsGoToTheServiceThatOwnsTheData() {
        String bearer = "Bearer " + TestTokens.admin();
        UUID orderId = UUID.randomUUID();
        expectRoutedTo("/api/admin/orders", bearer, "order-service");
        expectRoutedTo("/api/admin/orders/" + orderId, bearer, "order-service");
        expectRoutedTo("/api/admin/payments/" + orderId, bearer, "payment-service");
        expectRoutedTo("/api/admin/shipments/" + orderId, bearer, "shipping-service");
        expectRoutedTo("/api/admin/loyalty/" + orderId, bearer, "loyalty-service");
        expectRoutedTo("/api/admin/customers?email=ada@example.com", bearer, "customer-service");
        expectRoutedTo("/api/admin/surveys/nps", bearer, "customer-service");
    }

    @Test
    void loyaltyIsItsOwnServiceBehindTheCustomerPath() {
        String bearer = "Bearer " + customerToken();
        expectRoutedTo("/api/customers/me/loyalty", bearer, "loyalty-service");
        expectRoutedTo("/api/customers/me/loyalty/ledger", bearer, "loyalty-service");
        assertThat(customers.received()).noneMatch(r -> r.path().startsWith("/api/customers/me/loyalty"));
    }

    @Test
    void surveyAndUnsubscribeLinksFromEmailsNeedNoBearerToken() {
        client.get().uri("/api/surveys/s_abc").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.service").isEqualTo("customer-service");
        client.post().uri("/api/customers/unsubscribe?token=u_abc&topic=SURVEYS").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.service").isEqualTo("customer-service");
        // Only those: the rest of the customer API still needs a token.
        client.get().uri("/api/customers/me").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void backOfficeNeedsTheAdminRoleBeforeAnythingIsRouted() {
        String orderPath = "/api/admin/orders/" + UUID.randomUUID();
        String paymentPath = "/api/admin/payments/" + UUID.randomUUID();
        client.get().uri(orderPath).header(HttpHeaders.AUTHORIZATION, "Bearer " + customerToken())
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        client.get().uri(paymentPath).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);

        assertThat(orders.receivedOn(orderPath)).isEmpty();
        assertThat(payments.receivedOn(paymentPath)).isEmpty();
    }

    @Test
    void ownNotificationsGoToNotificationServiceNotCustomerService() {
        String bearer = "Bearer " + customerToken();
        expectRoutedTo("/api/customers/me/notifications", bearer, "notification-service");
        expectRoutedTo("/api/customers/me/notifications/" + UUID.randomUUID(), bearer, "notification-service");

        assertThat(customers.received()).noneMatch(r -> r.path().startsWith("/api/customers/me/notifications"));
    }

    @Test
    void serviceOwn404PassesThroughUnchanged() {
        client.get().uri("/api/products/missing").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("catalog-service has no such thing.");
    }

    @Test
    void serviceOwn500PassesThroughUnchanged() {
        client.get().uri("/api/cart/boom").header(HttpHeaders.AUTHORIZATION, "Bearer " + customerToken()).exchange()
                .expectStatus().isEqualTo(500)
                .expectBody().jsonPath("$.detail").isEqualTo("cart-service broke.");
    }

    @Test
    void internalPathsAreNeverRoutedEvenWithToken() {
        String bearer = "Bearer " + customerToken();
        client.get().uri("/internal/products?ids=" + UUID.randomUUID()).header(HttpHeaders.AUTHORIZATION, bearer)
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(404);
        client.post().uri("/internal/reservations").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);

        assertThat(allReceived()).noneMatch(r -> r.path().contains("/internal"));
    }

    @Test
    void dotSegmentsThatCouldReachInternalPathsAreRefused() {
        client.get().uri(URI.create("http://127.0.0.1:" + port + "/api/products/../../internal/products")).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        client.get().uri(URI.create("http://127.0.0.1:" + port + "/api/products/%2e%2e/%2e%2e/internal/products")).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);

        assertThat(allReceived()).noneMatch(r -> r.path().contains("internal"));
    }

    @Test
    void unknownPathIsA404Problem() {
        client.get().uri("/no-such-thing").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.title").isEqualTo("Not Found")
                .jsonPath("$.status").isEqualTo(404);
        client.get().uri("/api/no-such-thing").header(HttpHeaders.AUTHORIZATION, "Bearer " + customerToken())
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void fallbackIsNotCallableFromOutside() {
        client.get().uri("/fallback/catalog-service").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void actuatorBeyondHealthAndInfoIsForbiddenToCustomers() {
        client.get().uri("/actuator/env").header(HttpHeaders.AUTHORIZATION, "Bearer " + customerToken()).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.title").isEqualTo("Forbidden")
                .jsonPath("$.status").isEqualTo(403);
    }

    @Test
    void healthProbesAreOpen() {
        client.get().uri("/actuator/health/liveness").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        client.get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void requestIdIsAddedWhenAbsentAndKeptWhenGiven() {
        String path = "/api/products/" + UUID.randomUUID();
        String generated = client.get().uri(path).exchange()
                .expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders().getFirst("X-Request-Id");
        assertThat(generated).isNotBlank();
        assertThat(catalog.receivedOn(path)).singleElement()
                .satisfies(received -> assertThat(received.requestId()).isEqualTo(generated));

        client.get().uri("/api/products").header("X-Request-Id", "abc-123").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Request-Id", "abc-123");
    }

    @Test
    void passesTheTraceOnToTheServiceAndNamesItToTheCaller() {
        String path = "/api/products/" + UUID.randomUUID();
        String traceId = client.get().uri(path).exchange()
                .expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders().getFirst("X-Trace-Id");

        assertThat(traceId).matches("[0-9a-f]{32}");
        assertThat(catalog.receivedOn(path)).singleElement().satisfies(received ->
                assertThat(received.traceParent()).matches("00-" + traceId + "-[0-9a-f]{16}-[0-9a-f][13579bdf]"));
    }

    @Test
    void continuesTheCallersOwnTrace() {
        String path = "/api/products/" + UUID.randomUUID();
        String callers = "4bf92f3577b34da6a3ce929d0e0e4736";

        client.get().uri(path).header("traceparent", "00-" + callers + "-00f067aa0ba902b7-01").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Trace-Id", callers);
        assertThat(catalog.receivedOn(path)).singleElement().satisfies(received ->
                assertThat(received.traceParent()).startsWith("00-" + callers + "-")
                        .doesNotContain("00f067aa0ba902b7"));
    }

    private void expectRoutedTo(String path, String bearer, String service) {
        client.get().uri(path).header(HttpHeaders.AUTHORIZATION, bearer).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.service").isEqualTo(service);
    }

    private static List<FakeService.Received> allReceived() {
        var all = new ArrayList<FakeService.Received>();
        for (FakeService service : new FakeService[] { customers, catalog, carts, orders, notifications, payments, shipping, loyalty }) {
            all.addAll(service.received());
        }
        return all;
    }
}
