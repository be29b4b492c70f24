package com.example.shop.e2e;

import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/** Products a test creates for itself through the admin API, so its stock figures are its own. */
final class Products {

    private Products() {
    }

    static JsonNode create(String adminToken, String name, String price, int available) {
        String sku = "E2E-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        var created = ShopApi.post("/api/products", adminToken, Map.of(
                "sku", sku,
                "name", name,
                "description", "Made by the end-to-end tests",
                "category", "e2e",
                "price", Map.of("amount", price, "currency", "EUR"),
                "available", available));
        if (created.status() != 201) {
            throw new IllegalStateException("cannot create product: " + created.status() + " " + created.raw().body());
        }
        return created.body();
    }

    static int available(String productId) {
        return ShopApi.get("/api/products/" + productId, null).body().get("available").asInt();
    }
}
