package com.example.shop.catalog.product;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import com.example.shop.catalog.CatalogAdmin;
import com.example.shop.catalog.CatalogIntegrationTest;

/** Every variant has a shipping weight, set by administrators and read by shipping through /internal/variants. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VariantWeightIntegrationTests extends CatalogIntegrationTest {

    private static final String MUG = "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f";

    @Autowired
    RestTestClient client;

    @Autowired
    JdbcClient jdbc;

    CatalogAdmin admin;
    String category;

    @BeforeAll
    void setUp() {
        admin = new CatalogAdmin(client);
        category = admin.category("wgt-" + UUID.randomUUID().toString().substring(0, 8), "Weight tests", null);
    }

    @Test
    void aVariantNobodyWeighedWeighsFiveHundredGramsLikeTheSeededCatalogue() {
        String product = admin.product("Unweighed", "x", null, category, null, Map.of(), "5.00", 1);

        client.get().uri("/api/products/{id}", product).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.variants[0].weightGrams").isEqualTo(500)
                .jsonPath("$.weightGrams").isEqualTo(500);
        client.get().uri("/internal/variants?ids={id}", MUG).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[0].variantId").isEqualTo(MUG)
                .jsonPath("$[0].productId").isEqualTo(MUG)
                .jsonPath("$[0].sku").isEqualTo("MUG-001")
                .jsonPath("$[0].weightGrams").isEqualTo(500);
    }

    @Test
    void setsTheWeightOnCreateAndUpdateAndKeepsItWhenAnUpdateLeavesItOut() {
        String product = created(productBody(350)).get("id").toString();
        Map<?, ?> variant = client.post().uri("/api/products/{id}/variants", product)
                .header(HttpHeaders.AUTHORIZATION, CatalogAdmin.bearer()).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("sku", CatalogAdmin.sku(), "attributes", Map.of("size", "L"), "price", CatalogAdmin.eur("6.00"),
                        "available", 1, "weightGrams", 1200))
                .exchange().expectStatus().isCreated()
                .returnResult(Map.class).getResponseBody();
        assertThat(variant.get("weightGrams")).isEqualTo(1200);
        String variantId = variant.get("id").toString();

        updateVariant(product, variantId, Map.of("sku", CatalogAdmin.sku(), "attributes", Map.of("size", "L"),
                "weightGrams", 900)).expectStatus().isOk().expectBody().jsonPath("$.weightGrams").isEqualTo(900);
        updateVariant(product, variantId, Map.of("sku", CatalogAdmin.sku(), "attributes", Map.of("size", "XL")))
                .expectStatus().isOk().expectBody().jsonPath("$.weightGrams").isEqualTo(900);

        client.get().uri("/api/products/{id}", product).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.weightGrams").isEqualTo(350)
                .jsonPath("$.variants[*].weightGrams").isEqualTo(List.of(350, 900));
    }

    @Test
    void refusesWeightsThatAreNotPositiveOrAbsurdAndWritesNothing() {
        String product = admin.product("Weighed once", "x", null, category, null, Map.of(), "5.00", 1);
        long before = jdbc.sql("select count(*) from variant").query(Long.class).single();

        for (int weight : new int[] { 0, -5, 100_001 }) {
            client.post().uri("/api/products").header(HttpHeaders.AUTHORIZATION, CatalogAdmin.bearer())
                    .contentType(MediaType.APPLICATION_JSON).body(productBody(weight))
                    .exchange().expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
            client.post().uri("/api/products/{id}/variants", product).header(HttpHeaders.AUTHORIZATION, CatalogAdmin.bearer())
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("sku", CatalogAdmin.sku(), "attributes", Map.of("size", "M"),
                            "price", CatalogAdmin.eur("5.00"), "available", 1, "weightGrams", weight))
                    .exchange().expectStatus().isBadRequest();
            updateVariant(product, product, Map.of("sku", CatalogAdmin.sku(), "attributes", Map.of(), "weightGrams", weight))
                    .expectStatus().isBadRequest();
        }

        assertThat(jdbc.sql("select count(*) from variant").query(Long.class).single()).isEqualTo(before);
        assertThat(jdbc.sql("select weight_grams from variant where id = ?").param(UUID.fromString(product))
                .query(Integer.class).single()).isEqualTo(500);
    }

    @Test
    void theInternalLookupAnswersEveryKnownVariantWhateverItsProductsStatusAndLeavesOutUnknownIds() {
        String archived = admin.product("Archived parcel", "x", null, category, null, Map.of(), "5.00", 1);
        admin.status(archived, "ARCHIVED").expectStatus().isOk();
        String draft = admin.product("Draft parcel", "x", null, category, "DRAFT", Map.of(), "5.00", 1);
        String large = admin.variant(draft, Map.of("size", "L"), "5.00", 1);

        client.get().uri("/internal/variants?ids={a},{b},{c},{d}", archived, large, UUID.randomUUID(), archived)
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[?(@.variantId == '%s')].productId".formatted(large)).isEqualTo(List.of(draft))
                .jsonPath("$[?(@.variantId == '%s')].weightGrams".formatted(archived)).isEqualTo(List.of(500));
        client.get().uri("/internal/variants").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(0);
    }

    @Test
    void theInternalLookupRefusesMalformedIdsAndMoreThanAHundredIds() {
        client.get().uri("/internal/variants?ids=not-a-uuid").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        client.get().uri("/internal/variants?ids=" + ids(101)).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        client.get().uri("/internal/variants?ids=" + ids(100)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(0);
    }

    private static String ids(int count) {
        return IntStream.range(0, count).mapToObj(i -> UUID.randomUUID().toString()).collect(Collectors.joining(","));
    }

    private Map<String, Object> productBody(int weightGrams) {
        var body = new HashMap<String, Object>();
        body.put("sku", CatalogAdmin.sku());
        body.put("name", "Weighed");
        body.put("description", "x");
        body.put("categoryId", category);
        body.put("price", CatalogAdmin.eur("5.00"));
        body.put("available", 1);
        body.put("weightGrams", weightGrams);
        return body;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> created(Map<String, Object> body) {
        return client.post().uri("/api/products").header(HttpHeaders.AUTHORIZATION, CatalogAdmin.bearer())
                .contentType(MediaType.APPLICATION_JSON).body(body)
                .exchange().expectStatus().isCreated()
                .returnResult(Map.class).getResponseBody();
    }

    private RestTestClient.ResponseSpec updateVariant(String product, String variant, Map<String, Object> body) {
        return client.put().uri("/api/products/{id}/variants/{v}", product, variant)
                .header(HttpHeaders.AUTHORIZATION, CatalogAdmin.bearer()).contentType(MediaType.APPLICATION_JSON)
                .body(body).exchange();
    }
}
