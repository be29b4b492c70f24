package com.example.shop.shipping;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls shipping-service's API the way order-service (internal) and an admin (through the gateway) do. */
public final class ShippingApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String baseUrl;

    public ShippingApi(int port) {
        this.baseUrl = "http://127.0.0.1:" + port;
    }

    /** Ships to Ada in Amsterdam. */
    public Response ship(UUID orderId, int weightGrams) {
        return ship(orderId, weightGrams, "NL", "1012 AB");
    }

    public Response ship(UUID orderId, int weightGrams, String country, String postalCode) {
        return post("/internal/shipments", """
                {"orderId":"%s","weightGrams":%d,
                 "address":{"name":"Ada Lovelace","line1":"Damrak 1","city":"Amsterdam","postalCode":"%s","country":"%s"}}"""
                .formatted(orderId, weightGrams, postalCode, country));
    }

    public Response quotes(String body) {
        return post("/internal/shipments/quotes", body);
    }

    public Response post(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    public Response get(String path) {
        return get(path, null);
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
                    body == null || body.isBlank() ? JSON.missingNode() : JSON.readTree(body), response);
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
    public record Response(int status, String contentType, JsonNode json, HttpResponse<String> raw) {

        public String text(String field) {
            JsonNode value = json.path(field);
            return value.isMissingNode() || value.isNull() ? null : value.asString();
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }
}
