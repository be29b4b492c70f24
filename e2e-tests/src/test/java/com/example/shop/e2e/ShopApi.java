package com.example.shop.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A thin client of the public API through the gateway; every call returns status, headers and JSON. */
final class ShopApi {

    static final String BASE_URL = System.getProperty("e2e.baseUrl", "http://localhost:8080");
    static final JsonMapper JSON = JsonMapper.builder().build();

    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ShopApi() {
    }

    record Response(int status, HttpResponse<String> raw, JsonNode body) {

        String contentType() {
            return raw.headers().firstValue("Content-Type").orElse("");
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    static Response get(String path, String token) {
        return send("GET", path, token, null, Map.of());
    }

    static Response post(String path, String token, Object body) {
        return send("POST", path, token, body, Map.of());
    }

    static Response post(String path, String token, Object body, Map<String, String> headers) {
        return send("POST", path, token, body, headers);
    }

    static Response put(String path, String token, Object body) {
        return send("PUT", path, token, body, Map.of());
    }

    static Response delete(String path, String token) {
        return send("DELETE", path, token, null, Map.of());
    }

    static Response send(String method, String path, String token, Object body, Map<String, String> headers) {
        var request = HttpRequest.newBuilder(URI.create(BASE_URL + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        if (body != null) {
            request.header("Content-Type", "application/json");
            String text = body instanceof String s ? s : JSON.writeValueAsString(body);
            request.method(method, HttpRequest.BodyPublishers.ofString(text));
        }
        else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            boolean isJson = response.headers().firstValue("Content-Type").orElse("").contains("json");
            // Pages meant for a browser (the unsubscribe confirmation) are read as raw text only.
            JsonNode json = text == null || text.isBlank() || !isJson ? JSON.nullNode() : JSON.readTree(text);
            return new Response(response.statusCode(), response, json);
        }
        catch (IOException ex) {
            throw new IllegalStateException(method + " " + path + " failed: " + ex, ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /** A customer registered and logged in for one test. */
    record Customer(String id, String email, String password, String token) {

        static Customer registerNew(String name) {
            String email = name.toLowerCase().replaceAll("[^a-z]", "") + "-" + UUID.randomUUID().toString().substring(0, 8)
                    + "@example.com";
            String password = "correct-horse-" + UUID.randomUUID().toString().substring(0, 6);
            Response created = post("/api/customers", null, Map.of("email", email, "password", password, "name", name));
            if (created.status() != 201) {
                throw new IllegalStateException("registration failed: " + created.status() + " " + created.raw().body());
            }
            return new Customer(created.body().get("id").asString(), email, password, login(email, password));
        }

        static String login(String email, String password) {
            Response token = post("/api/auth/token", null, Map.of("email", email, "password", password));
            if (token.status() != 200) {
                throw new IllegalStateException("login failed: " + token.status() + " " + token.raw().body());
            }
            return token.body().get("access_token").asString();
        }
    }

    static String adminToken() {
        return Customer.login(System.getProperty("e2e.adminEmail", "admin@shop.local"),
                System.getProperty("e2e.adminPassword", "admin"));
    }

    static Map<String, Object> shippingAddress(String name) {
        return Map.of("name", name, "line1", "1 Main Street", "city", "Utrecht", "postalCode", "3511 AB",
                "country", "NL");
    }

    static Map<String, Object> checkout(String paymentToken, String name) {
        return Map.of("paymentToken", paymentToken, "shippingAddress", shippingAddress(name));
    }
}
