package com.example.shop.order.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.example.shop.platform.testsupport.TestTokens;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Drives order-service through its real HTTP API for the lifecycle tests: places confirmed orders through
 * checkout (against {@link StubDownstreams}) and calls the customer and admin endpoints.
 */
final class LifecycleFixture {

    static final JsonMapper json = JsonMapper.builder().build();
    private static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static final String ADMIN = TestTokens.admin();

    private final StubDownstreams downstreams;
    private final int port;

    LifecycleFixture(StubDownstreams downstreams, int port) {
        this.downstreams = downstreams;
        this.port = port;
    }

    record Shopper(UUID id, String email, String token) {

        static Shopper create() {
            UUID id = UUID.randomUUID();
            String email = "shopper-" + id + "@example.com";
            return new Shopper(id, email, TestTokens.customer(id, email));
        }
    }

    record Response(int status, JsonNode body, String contentType) {

        String status(String field) {
            return body.get(field).asString();
        }

        List<String> historyCauses() {
            return body.get("history").valueStream().map(change -> change.get("cause").asString()).toList();
        }

        JsonNode lastReturn() {
            JsonNode returns = body.get("returns");
            return returns.get(returns.size() - 1);
        }
    }

    /** A CONFIRMED order of two lines: 3 mugs at 19.99 and 1 pen at 30.00 (89.97 in all). */
    UUID confirmedOrder(Shopper shopper) {
        return confirmedOrder(shopper, "NL");
    }

    UUID confirmedOrder(Shopper shopper, String country) {
        return confirmedOrder(shopper, country, twoLines(), 0);
    }

    static List<Map<String, Object>> twoLines() {
        return List.of(StubDownstreams.item(UUID.randomUUID(), "MUG-001", "Enamel mug", 3, "19.99"),
                StubDownstreams.item(UUID.randomUUID(), "PEN-002", "Fountain pen", 1, "30.00"));
    }

    /** A CONFIRMED order of these cart items, redeeming {@code points} (worth 0.01 each at the loyalty stub). */
    UUID confirmedOrder(Shopper shopper, String country, List<Map<String, Object>> items, long points) {
        downstreams.cart(shopper.token(), items);
        Map<String, Object> body = new HashMap<>(Map.of("paymentToken", "tok_visa",
                "shippingAddress", Map.of("name", "Ada", "line1", "1 Main Street", "city", "Utrecht",
                        "postalCode", "3511 AB", "country", country)));
        if (points > 0) {
            body.put("pointsToRedeem", points);
        }
        Response placed = send("POST", "/api/orders", shopper.token(), body,
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(placed.status()).isEqualTo(201);
        assertThat(placed.status("status")).isEqualTo("CONFIRMED");
        return UUID.fromString(placed.status("id"));
    }

    Response admin(String method, String path) {
        return send(method, path, ADMIN, method.equals("POST") ? Map.of() : null, Map.of());
    }

    Response admin(String path, Object body) {
        return send("POST", path, ADMIN, body, Map.of());
    }

    Response ship(UUID orderId) {
        return admin("POST", "/api/admin/orders/" + orderId + "/ship");
    }

    Response deliver(UUID orderId) {
        return admin("POST", "/api/admin/orders/" + orderId + "/deliver");
    }

    Response adminView(UUID orderId) {
        return admin("GET", "/api/admin/orders/" + orderId);
    }

    Response customerView(Shopper shopper, UUID orderId) {
        return send("GET", "/api/orders/" + orderId, shopper.token(), null, Map.of());
    }

    Response cancel(Shopper shopper, UUID orderId) {
        return send("POST", "/api/orders/" + orderId + "/cancel", shopper.token(), Map.of(), Map.of());
    }

    Response requestReturn(Shopper shopper, UUID orderId, Object body) {
        return send("POST", "/api/orders/" + orderId + "/returns", shopper.token(), body, Map.of());
    }

    static Map<String, Object> returnOf(int lineNo, int quantity) {
        return Map.of("lines", List.of(Map.of("lineNo", lineNo, "quantity", quantity)), "reason", "Too small");
    }

    Response receive(UUID orderId, String returnId, boolean restock) {
        return admin("/api/admin/orders/" + orderId + "/returns/" + returnId + "/receive", Map.of("restock", restock));
    }

    Response refund(UUID orderId, String returnId) {
        return admin("POST", "/api/admin/orders/" + orderId + "/returns/" + returnId + "/refund");
    }

    Response send(String method, String path, String token, Object body, Map<String, String> headers) {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(
                    body instanceof String raw ? raw : json.writeValueAsString(body)));
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode parsed = response.body().isBlank() ? null : json.readTree(response.body());
            return new Response(response.statusCode(), parsed,
                    response.headers().firstValue("Content-Type").orElse(""));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}
