package com.example.shop.loyalty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls loyalty-service's HTTP API as order-service (internal), a customer and an admin do. */
public final class LoyaltyApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String baseUrl;

    public LoyaltyApi(int port) {
        this.baseUrl = "http://127.0.0.1:" + port;
    }

    public Response hold(UUID orderId, UUID customerId, long points) {
        return post("/internal/loyalty/holds", """
                {"orderId":"%s","customerId":"%s","points":%d,"currency":"EUR"}""".formatted(orderId, customerId, points), null);
    }

    /** A hold as order-service asks it since the discount is capped: with the order's total as maxDiscount. */
    public Response hold(UUID orderId, UUID customerId, long points, String maxDiscount) {
        return post("/internal/loyalty/holds", """
                {"orderId":"%s","customerId":"%s","points":%d,"currency":"EUR",\
                "maxDiscount":{"amount":"%s","currency":"EUR"}}""".formatted(orderId, customerId, points, maxDiscount),
                null);
    }

    public Response release(UUID orderId) {
        return post("/internal/loyalty/holds/" + orderId + "/release", "", null);
    }

    public Response adjust(UUID customerId, long points, String reason, UUID adjustmentId, String token) {
        return post("/api/admin/loyalty/" + customerId + "/adjustments", """
                {"points":%d,"reason":"%s","adjustmentId":"%s"}""".formatted(points, reason, adjustmentId), token);
    }

    public Response post(String path, String body, String bearerToken) {
        var request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        return send(request.build());
    }

    public Response get(String path, String bearerToken) {
        var request = HttpRequest.newBuilder(URI.create(baseUrl + path)).GET();
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        return send(request.build());
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    body == null || body.isBlank() ? JSON.missingNode() : JSON.readTree(body));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /** Status, content type and JSON body. */
    public record Response(int status, String contentType, JsonNode json) {

        public String text(String field) {
            JsonNode value = json.path(field);
            return value.isMissingNode() || value.isNull() ? null : value.asString();
        }

        public long number(String field) {
            return json.path(field).asLong();
        }
    }
}
