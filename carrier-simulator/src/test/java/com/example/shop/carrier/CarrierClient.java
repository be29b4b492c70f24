package com.example.shop.carrier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for the simulator's API, as a shipper would use it. */
public final class CarrierClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final String baseUrl;

    public CarrierClient(int port) {
        this.baseUrl = "http://localhost:" + port;
    }

    public Response rates(String body) {
        return post("/v1/rates", null, body);
    }

    public Response rates(String country, String postalCode, int weightGrams) {
        return rates("""
                {"to": {"country": "%s", "postal_code": "%s"}, "weight_grams": %d}"""
                .formatted(country, postalCode, weightGrams));
    }

    public Response label(String idempotencyKey, String body) {
        return post("/v1/labels", idempotencyKey, body);
    }

    public Response advance(String trackingNumber) {
        return post("/v1/trackers/" + trackingNumber + "/advance", null, "");
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build());
    }

    /** A label request to Ada in Amsterdam with PARCELCO STANDARD. */
    public static String labelBody(String reference) {
        return labelBody("PARCELCO", "STANDARD", "NL", "1012 AB", 1200, reference);
    }

    public static String labelBody(String carrier, String service, String country, String postalCode, int weight,
            String reference) {
        return """
                {"carrier": "%s", "service": "%s",
                 "to": {"name": "Ada Lovelace", "line1": "Damrak 1", "city": "Amsterdam", "postal_code": "%s",
                        "country": "%s"},
                 "weight_grams": %d, "reference": "%s"}"""
                .formatted(carrier, service, postalCode, country, weight, reference);
    }

    private Response post(String path, String idempotencyKey, String body) {
        var request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request.build());
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

        public String text(String field) {
            JsonNode value = json.path(field);
            return value.isMissingNode() || value.isNull() ? null : value.asString();
        }

        public String error(String field) {
            JsonNode value = json.path("error").path(field);
            return value.isMissingNode() ? null : value.asString();
        }
    }
}
