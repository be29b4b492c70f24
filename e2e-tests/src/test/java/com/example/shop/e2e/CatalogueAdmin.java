package com.example.shop.e2e;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/** Categories, products and variants a test creates for itself through the catalogue's admin API. */
final class CatalogueAdmin {

    private CatalogueAdmin() {
    }

    static JsonNode category(String adminToken, String slug, String name) {
        var created = ShopApi.post("/api/products/categories", adminToken, Map.of("slug", slug, "name", name));
        return ok(created, 201, "category");
    }

    /** A product with its default variant in the given category. */
    static JsonNode product(String adminToken, String categoryId, String name, String brand,
            Map<String, String> attributes, String price, int available) {
        var body = new HashMap<String, Object>();
        body.put("sku", sku());
        body.put("name", name);
        body.put("description", "Made by the end-to-end tests");
        body.put("categoryId", categoryId);
        body.put("brand", brand);
        body.put("attributes", attributes);
        body.put("price", Map.of("amount", price, "currency", "EUR"));
        body.put("available", available);
        return ok(ShopApi.post("/api/products", adminToken, body), 201, "product");
    }

    static JsonNode variant(String adminToken, String productId, Map<String, String> attributes, String price,
            int available) {
        var created = ShopApi.post("/api/products/" + productId + "/variants", adminToken, Map.of("sku", sku(),
                "attributes", attributes, "price", Map.of("amount", price, "currency", "EUR"), "available", available));
        return ok(created, 201, "variant");
    }

    private static String sku() {
        return "E2E-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private static JsonNode ok(ShopApi.Response response, int status, String what) {
        if (response.status() != status) {
            throw new IllegalStateException("cannot create " + what + ": " + response.status() + " " + response.raw().body());
        }
        return response.body();
    }
}
