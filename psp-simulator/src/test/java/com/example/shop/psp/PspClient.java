package com.example.shop.psp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for the simulator's API, as a provider's customer would use it. */
public final class PspClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final int port;
    private final String baseUrl;
    private final Duration timeout;

    public PspClient(int port) {
        this(port, Duration.ofSeconds(30));
    }

    private PspClient(int port, Duration timeout) {
        this.port = port;
        this.baseUrl = "http://localhost:" + port;
        this.timeout = timeout;
    }

    /** The same client, giving up on an answer after {@code timeout} (a {@link HttpTimeoutException}). */
    public PspClient withTimeout(Duration timeout) {
        return new PspClient(port, timeout);
    }

    public Response create(String idempotencyKey, String body) {
        return post("/v1/payment_intents", idempotencyKey, body);
    }

    public Response capture(String intentId, String idempotencyKey, String body) {
        return post("/v1/payment_intents/" + intentId + "/capture", idempotencyKey, body);
    }

    public Response cancel(String intentId) {
        return cancel(intentId, null);
    }

    public Response cancel(String intentId, String idempotencyKey) {
        return post("/v1/payment_intents/" + intentId + "/cancel", idempotencyKey, "{}");
    }

    public Response refund(String idempotencyKey, String body) {
        return post("/v1/refunds", idempotencyKey, body);
    }

    public Response post(String path, String idempotencyKey, String body) {
        var request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request);
    }

    public Response put(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    public static String body(String paymentMethod, long amount) {
        return """
                {"amount": %d, "currency": "eur", "payment_method": "%s", "capture_method": "manual",
                 "metadata": {"order_id": "order-1"}}""".formatted(amount, paymentMethod);
    }

    /** A manual-capture create body whose {@code metadata.merchant_reference} is {@code reference}. */
    public static String body(String paymentMethod, long amount, String reference) {
        return """
                {"amount": %d, "currency": "eur", "payment_method": "%s", "capture_method": "manual",
                 "metadata": {"order_id": "order-1", "merchant_reference": "%s"}}"""
                .formatted(amount, paymentMethod, reference);
    }

    /** Creates a held intent with {@code paymentMethod} and answers its id. */
    public String held(String paymentMethod, long amount) {
        Response created = create(UUID.randomUUID().toString(), body(paymentMethod, amount));
        if (created.status() != 200) {
            throw new IllegalStateException("create answered " + created.status() + ": " + created.json());
        }
        return created.json().path("id").asString();
    }

    /** Creates and captures an intent with {@code paymentMethod} and answers its id. */
    public String captured(String paymentMethod, long amount) {
        String id = held(paymentMethod, amount);
        Response captured = capture(id, UUID.randomUUID().toString(), null);
        if (captured.status() != 200) {
            throw new IllegalStateException("capture answered " + captured.status() + ": " + captured.json());
        }
        return id;
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(timeout).build(),
                    HttpResponse.BodyHandlers.ofString());
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

        public String id() {
            return json.path("id").asString();
        }

        public String text(String field) {
            return json.path(field).asString();
        }

        public long number(String field) {
            return json.path(field).asLong();
        }
    }
}
