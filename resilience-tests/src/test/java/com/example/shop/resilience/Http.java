package com.example.shop.resilience;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON over HTTP to the gateway (and the payment simulator). A request that gets no answer (connection
 * refused, timeout) is status 0, never an exception: under faults that is an ordinary outcome.
 */
final class Http {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final String baseUrl;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    /** Requests that still failed after every retry: the client's view of unavailability. */
    final AtomicLong exhausted = new AtomicLong();

    Http(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    record Response(int status, JsonNode body, String text) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        /** No answer, 5xx or 429: asking again later may succeed. */
        boolean transientFailure() {
            return status == 0 || status >= 500 || status == 429;
        }

        String describe() {
            return status + " " + (text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "..." : text);
        }
    }

    Response get(String path, String token) {
        return send("GET", path, token, null, Map.of());
    }

    Response post(String path, String token, Object body) {
        return send("POST", path, token, body, Map.of());
    }

    Response send(String method, String path, String token, Object body, Map<String, String> headers) {
        String url = path.startsWith("http") ? path : baseUrl + path;
        var request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        if (body != null) {
            request.header("Content-Type", "application/json");
            request.method(method, HttpRequest.BodyPublishers.ofString(
                    body instanceof String s ? s : JSON.writeValueAsString(body)));
        }
        else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            boolean json = response.headers().firstValue("Content-Type").orElse("").contains("json");
            JsonNode node = JSON.nullNode();
            if (json && text != null && !text.isBlank()) {
                try {
                    node = JSON.readTree(text);
                }
                catch (RuntimeException unreadable) {
                    node = JSON.nullNode();
                }
            }
            return new Response(response.statusCode(), node, text);
        }
        catch (IOException ex) {
            return new Response(0, JSON.nullNode(), ex.toString());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return new Response(0, JSON.nullNode(), ex.toString());
        }
    }

    /**
     * The same request again (so the same Idempotency-Key) while the stack answers 5xx or not at all, as a
     * client does while a service restarts; bounded by {@code within}.
     */
    Response retrying(String method, String path, String token, Object body, Map<String, String> headers,
            Duration within) {
        Instant deadline = Instant.now().plus(within);
        Response[] last = new Response[1];
        Waits.until(within, Duration.ofMillis(750), () -> {
            last[0] = send(method, path, token, body, headers);
            return !last[0].transientFailure() || Instant.now().isAfter(deadline);
        });
        if (last[0] == null || last[0].transientFailure()) {
            exhausted.incrementAndGet();
        }
        return last[0] == null ? new Response(0, JSON.nullNode(), "no attempt") : last[0];
    }

    Response retrying(String method, String path, String token, Object body) {
        return retrying(method, path, token, body, Map.of(), Duration.ofSeconds(60));
    }
}
