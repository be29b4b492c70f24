package com.example.shop.catalog;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import com.example.shop.platform.testsupport.TestTokens;

/** Builds test data through the admin API, as an administrator would. */
public final class CatalogAdmin {

    private final RestTestClient client;

    public CatalogAdmin(RestTestClient client) {
        this.client = client;
    }

    public static String bearer() {
        return "Bearer " + TestTokens.admin();
    }

    public static String sku() {
        return "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    public static Map<String, Object> eur(String amount) {
        return Map.of("amount", amount, "currency", "EUR");
    }

    public String category(String slug, String name, String parentId) {
        var body = new HashMap<String, Object>();
        body.put("slug", slug);
        body.put("name", name);
        body.put("parentId", parentId);
        return client.post().uri("/api/products/categories").header(HttpHeaders.AUTHORIZATION, bearer())
                .contentType(MediaType.APPLICATION_JSON).body(body)
                .exchange().expectStatus().isCreated()
                .returnResult(Map.class).getResponseBody().get("id").toString();
    }

    /** A product with its default variant; returns the product id (also the default variant's id). */
    public String product(String name, String description, String brand, String categoryId, String status,
            Map<String, String> attributes, String price, int available) {
        var body = new HashMap<String, Object>();
        body.put("sku", sku());
        body.put("name", name);
        body.put("description", description);
        body.put("brand", brand);
        body.put("categoryId", categoryId);
        body.put("status", status);
        body.put("attributes", attributes);
        body.put("images", List.of("/images/" + name.replace(' ', '-') + ".jpg"));
        body.put("price", eur(price));
        body.put("available", available);
        return client.post().uri("/api/products").header(HttpHeaders.AUTHORIZATION, bearer())
                .contentType(MediaType.APPLICATION_JSON).body(body)
                .exchange().expectStatus().isCreated()
                .returnResult(Map.class).getResponseBody().get("id").toString();
    }

    /** Adds a variant; returns its id. */
    public String variant(String productId, Map<String, String> attributes, String price, int available) {
        return client.post().uri("/api/products/{id}/variants", productId).header(HttpHeaders.AUTHORIZATION, bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("sku", sku(), "attributes", attributes, "price", eur(price), "available", available))
                .exchange().expectStatus().isCreated()
                .returnResult(Map.class).getResponseBody().get("id").toString();
    }

    public RestTestClient.ResponseSpec price(String productId, String variantId, Map<String, Object> pricing) {
        return client.put().uri("/api/products/{id}/variants/{v}/price", productId, variantId)
                .header(HttpHeaders.AUTHORIZATION, bearer()).contentType(MediaType.APPLICATION_JSON).body(pricing)
                .exchange();
    }

    public RestTestClient.ResponseSpec status(String productId, String status) {
        return client.put().uri("/api/products/{id}/status", productId).header(HttpHeaders.AUTHORIZATION, bearer())
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("status", status))
                .exchange();
    }
}
