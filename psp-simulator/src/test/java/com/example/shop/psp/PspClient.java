package com.example.shop.psp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for the simulator's API, as a provider's customer would use it. */
public final class PspClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final String baseUrl;

    public PspClient(int port) {
        this.baseUrl = "http://localhost:" + port;
    }

    public Response create(String idempotencyKey, String body) {
        var request = HttpRequest.newBuilder(URI.create(baseUrl + "/v1/payment_intents"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request.build());
    }

    public Response cancel(String intentId) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/v1/payment_intents/" + intentId + "/cancel"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build());
    }

    public static String body(String paymentMethod, long amount) {
        return """
                {"amount": %d, "currency": "eur", "payment_method": "%s", "capture_method": "manual",
                 "metadata": {"order_id": "order-1"}}""".formatted(amount, paymentMethod);
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), JSON.readTree(response.body()), response);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /** Status, parsed body and the raw response for headers. */
    public record Response(int status, JsonNode json, HttpResponse<String> raw) {

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public String error(String field) {
            JsonNode value = json.path("error").path(field);
            return value.isMissingNode() ? null : value.asString();
        }
    }
}
