package com.example.shop.cart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for catalog-service's {@code GET /internal/products?ids=...} on loopback, answering with the
 * catalogue's product JSON for the products a test put in it. From the cart's side it is a real HTTP service.
 */
public final class CatalogStub {

    private final HttpServer server;
    private final Map<UUID, String> products = new ConcurrentHashMap<>();

    private CatalogStub(HttpServer server) {
        this.server = server;
    }

    public static CatalogStub start() {
        try {
            var stub = new CatalogStub(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
            stub.server.createContext("/internal/products", stub::handle);
            stub.server.start();
            return stub;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Puts a product in the stub catalogue, or changes it. */
    public UUID put(UUID id, String sku, String name, String price) {
        return put(id, sku, name, price, 10);
    }

    /** Puts a product with this many units in stock in the stub catalogue, or changes it. */
    public UUID put(UUID id, String sku, String name, String price, int available) {
        products.put(id, """
                {"id":"%s","sku":"%s","name":"%s","description":"A test product.","category":"test",\
                "price":{"amount":"%s","currency":"EUR"},"available":%d,"productId":"%s","status":"ACTIVE",\
                "attributes":{}}""".formatted(id, sku, name, price, available, id));
        return id;
    }

    public UUID add(String sku, String name, String price) {
        return put(UUID.randomUUID(), sku, name, price);
    }

    public void remove(UUID id) {
        products.remove(id);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getRawQuery();
        String ids = query == null ? "" : URLDecoder.decode(query.replaceFirst("^ids=", ""), StandardCharsets.UTF_8);
        String body = Arrays.stream(ids.split(","))
                .filter(id -> !id.isBlank())
                .map(id -> products.get(UUID.fromString(id)))
                .filter(Objects::nonNull)
                .collect(Collectors.joining(",", "[", "]"));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
