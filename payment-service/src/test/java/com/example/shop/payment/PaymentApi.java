package com.example.shop.payment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls payment-service's internal API the way order-service does. */
public final class PaymentApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String baseUrl;

    public PaymentApi(int port) {
        this.baseUrl = "http://127.0.0.1:" + port;
    }

    public Response authorize(UUID orderId, String amount, String currency, String token) {
        return post("""
                {"orderId":"%s","amount":{"amount":"%s","currency":"%s"},"paymentToken":"%s"}"""
                .formatted(orderId, amount, currency, token));
    }

    public Response post(String body) {
        return post("/internal/payments", body);
    }

    public Response cancel(Object orderId) {
        return post("/internal/payments/" + orderId + "/cancel", "");
    }

    public Response capture(Object orderId) {
        return post("/internal/payments/" + orderId + "/capture", "");
    }

    public Response refund(Object orderId, UUID refundId, String amount, String currency) {
        return post("/internal/payments/" + orderId + "/refunds", """
                {"refundId":"%s","amount":{"amount":"%s","currency":"%s"},"reason":"returned"}"""
                .formatted(refundId, amount, currency));
    }

    public Response refund(Object orderId, String body) {
        return post("/internal/payments/" + orderId + "/refunds", body);
    }

    public Response summary(Object orderId) {
        return get("/internal/payments/" + orderId, null);
    }

    /** GET with an optional bearer token. */
    public Response get(String path, String bearer) {
        var request = HttpRequest.newBuilder(URI.create(baseUrl + path)).GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request.build());
    }

    private Response post(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    text == null || text.isBlank() ? JSON.missingNode() : JSON.readTree(text));
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
    }
}
