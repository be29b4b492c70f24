package com.example.shop.e2e;

import static com.example.shop.e2e.ShopApi.checkout;
import static com.example.shop.e2e.ShopApi.get;
import static com.example.shop.e2e.ShopApi.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.example.shop.e2e.ShopApi.Customer;
import com.example.shop.e2e.ShopApi.Response;

import tools.jackson.databind.JsonNode;

/** Catalogue search through the gateway: filters and facets lead a customer to the variant they then order. */
class SearchE2ETests {

    @Test
    void customerFindsAVariantWithFiltersAndFacetsAndOrdersIt() {
        String admin = ShopApi.adminToken();
        String word = madeUpWord();
        JsonNode category = CatalogueAdmin.category(admin, "e2e-" + word, "E2E " + word);
        String categoryId = category.get("id").asString();
        JsonNode hoodie = CatalogueAdmin.product(admin, categoryId, "Hoodie " + word, "Fjord",
                Map.of("colour", "grey", "size", "M"), "49.00", 4);
        String hoodieId = hoodie.get("id").asString();
        String navyLarge = CatalogueAdmin.variant(admin, hoodieId, Map.of("colour", "navy", "size", "L"), "52.00", 3)
                .get("id").asString();
        CatalogueAdmin.product(admin, categoryId, "Beanie " + word, "Fjord", Map.of("colour", "navy"), "15.00", 0);

        // Prefix of the made-up word, the category, a colour and "in stock": only the hoodie's navy variant.
        Response found = get("/api/products?q=" + word.substring(0, 6) + "&category=e2e-" + word
                + "&attr.colour=navy&inStock=true", null);
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.body().get("page").get("totalElements").asInt()).isEqualTo(1);
        JsonNode hit = found.body().get("content").get(0);
        assertThat(hit.get("id").asString()).isEqualTo(hoodieId);
        assertThat(hit.get("matchingVariantIds").get(0).asString()).isEqualTo(navyLarge);
        JsonNode sizes = found.body().get("facets").get("attributes").get("size");
        assertThat(sizes.size()).isEqualTo(1);
        assertThat(sizes.get(0).get("value").asString()).isEqualTo("L");

        // Without the stock filter the beanie counts too, and the colour facet says so.
        JsonNode all = get("/api/products?q=" + word + "&attr.colour=navy", null).body();
        assertThat(all.get("page").get("totalElements").asInt()).isEqualTo(2);
        assertThat(all.get("facets").get("attributes").get("colour").get(0).get("count").asInt()).isEqualTo(2);
        assertThat(get("/api/products?size=101", null).status()).isEqualTo(400);

        var customer = Customer.registerNew("Grace Hopper");
        assertThat(post("/api/cart/items", customer.token(), Map.of("productId", navyLarge, "quantity", 2)).status())
                .isBetween(200, 201);
        JsonNode cart = get("/api/cart", customer.token()).body();
        assertThat(cart.get("total").get("amount").asString()).isEqualTo("104.00");

        Response placed = post("/api/orders", customer.token(), checkout("tok_visa", "Grace Hopper"),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(placed.status()).isIn(201, 202);
        String orderId = placed.body().get("id").asString();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> "CONFIRMED".equals(get("/api/orders/" + orderId, customer.token()).body().get("status").asString()));

        assertThat(Products.available(navyLarge)).isEqualTo(1);
        assertThat(Products.available(hoodieId)).isEqualTo(4);
    }

    private static String madeUpWord() {
        var random = new Random();
        var word = new StringBuilder("zx");
        for (int i = 0; i < 8; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }
}
