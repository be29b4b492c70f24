package com.example.shop.e2e;

import static com.example.shop.e2e.ShopApi.get;
import static com.example.shop.e2e.ShopApi.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.example.shop.e2e.ShopApi.Customer;
import com.example.shop.e2e.ShopApi.Response;

import tools.jackson.databind.JsonNode;

/**
 * The order lifecycle as the shop's people drive it through the gateway: a customer who orders, cancels and
 * returns, and the back office that ships, marks delivered, receives returns and refunds.
 */
final class BackOffice {

    /** States an order ends in: nothing more happens to it unless someone acts. */
    static final Set<String> FINAL_STATES = Set.of("REJECTED", "CANCELLED", "DELIVERED", "RETURNED");

    private static final Duration SETTLE = Duration.ofSeconds(60);

    private BackOffice() {
    }

    /** Puts the lines in the customer's cart and checks out with the given card; waits for the outcome. */
    static JsonNode placeOrder(Customer customer, Map<String, Integer> quantityByProduct, String paymentToken) {
        quantityByProduct.forEach((productId, quantity) -> {
            Response added = post("/api/cart/items", customer.token(), Map.of("productId", productId, "quantity", quantity));
            assertThat(added.status()).as("add to cart: %s", added.raw().body()).isBetween(200, 201);
        });
        Response placed = post("/api/orders", customer.token(), ShopApi.checkout(paymentToken, "Test Customer"),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(placed.status()).as("checkout: %s", placed.raw().body()).isIn(201, 202);
        return awaitOrder(customer.token(), placed.body().get("id").asString(), "/api/orders/",
                order -> !"PENDING".equals(order.get("status").asString()));
    }

    /**
     * A lifecycle request: 200 when the transition is done, 202 while the order-service still drives it. Either
     * way the order is then awaited until it reaches {@code expectedStatus}.
     */
    static JsonNode transition(String token, String path, Object body, String orderId, String expectedStatus) {
        Response response = post(path, token, body == null ? Map.of() : body);
        assertThat(response.status()).as("POST %s: %s", path, response.raw().body()).isIn(200, 202);
        return awaitOrder(token, orderId, path.startsWith("/api/admin") ? "/api/admin/orders/" : "/api/orders/",
                order -> expectedStatus.equals(order.get("status").asString()));
    }

    static JsonNode ship(String admin, String orderId) {
        return transition(admin, "/api/admin/orders/" + orderId + "/ship", null, orderId, "SHIPPED");
    }

    static JsonNode deliver(String admin, String orderId) {
        return transition(admin, "/api/admin/orders/" + orderId + "/deliver", null, orderId, "DELIVERED");
    }

    static JsonNode cancel(String token, boolean asAdmin, String orderId) {
        String path = (asAdmin ? "/api/admin/orders/" : "/api/orders/") + orderId + "/cancel";
        return transition(token, path, null, orderId, "CANCELLED");
    }

    /** Asks to return {@code quantity} units of each given line number; returns the new return's id. */
    static String requestReturn(Customer customer, String orderId, Map<Integer, Integer> quantityByLineNo) {
        List<Map<String, Object>> lines = quantityByLineNo.entrySet().stream()
                .map(e -> Map.<String, Object>of("lineNo", e.getKey(), "quantity", e.getValue())).toList();
        Response requested = post("/api/orders/" + orderId + "/returns", customer.token(),
                Map.of("lines", lines, "reason", "Changed my mind"));
        assertThat(requested.status()).as("return request: %s", requested.raw().body()).isEqualTo(201);
        // The answer is the order; the new return is the last of its returns.
        JsonNode returns = requested.body().get("returns");
        return returns.get(returns.size() - 1).get("id").asString();
    }

    static void receiveReturn(String admin, String orderId, String returnId, boolean restock) {
        Response received = post("/api/admin/orders/" + orderId + "/returns/" + returnId + "/receive", admin,
                Map.of("restock", restock));
        assertThat(received.status()).as("receive return: %s", received.raw().body()).isEqualTo(200);
        assertThat(returnOf(received.body(), returnId).get("status").asString()).isEqualTo("RECEIVED");
    }

    /** Refunds a received return and waits until it is REFUNDED. */
    static JsonNode refundReturn(String admin, String orderId, String returnId) {
        Response refunded = post("/api/admin/orders/" + orderId + "/returns/" + returnId + "/refund", admin, Map.of());
        assertThat(refunded.status()).as("refund: %s", refunded.raw().body()).isIn(200, 202);
        return awaitOrder(admin, orderId, "/api/admin/orders/",
                order -> "REFUNDED".equals(returnOf(order, returnId).get("status").asString()));
    }

    static JsonNode returnOf(JsonNode order, String returnId) {
        return order.get("returns").valueStream().filter(r -> r.get("id").asString().equals(returnId)).findFirst()
                .orElseThrow(() -> new AssertionError("no return " + returnId + " in " + order));
    }

    static JsonNode order(String token, String orderId, String prefix) {
        Response response = get(prefix + orderId, token);
        assertThat(response.status()).as("GET order: %s", response.raw().body()).isEqualTo(200);
        return response.body();
    }

    static JsonNode awaitOrder(String token, String orderId, String prefix, java.util.function.Predicate<JsonNode> done) {
        await().atMost(SETTLE).pollInterval(Duration.ofMillis(200))
                .until(() -> done.test(order(token, orderId, prefix)));
        return order(token, orderId, prefix);
    }

    /** payment-service's view of the order's money: what was authorised, captured and refunded. */
    static JsonNode payment(String admin, String orderId) {
        Response response = get("/api/admin/payments/" + orderId, admin);
        assertThat(response.status()).as("payment of %s: %s", orderId, response.raw().body()).isEqualTo(200);
        return response.body();
    }

    static BigDecimal amount(JsonNode money) {
        return money == null || money.isNull() ? BigDecimal.ZERO : new BigDecimal(money.get("amount").asString());
    }

    /** The catalogue's stock figures of a variant (admin): onHand = available + reserved. */
    static JsonNode stock(String admin, String variantId) {
        Response response = get("/api/products/variants/" + variantId + "/stock", admin);
        assertThat(response.status()).as("stock: %s", response.raw().body()).isEqualTo(200);
        return response.body();
    }
}
