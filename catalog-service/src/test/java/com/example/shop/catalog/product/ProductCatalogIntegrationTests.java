package com.example.shop.catalog.product;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import com.example.shop.catalog.CatalogIntegrationTest;
import com.example.shop.platform.testsupport.TestTokens;

class ProductCatalogIntegrationTests extends CatalogIntegrationTest {

    private static final String ENAMEL_MUG = "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f";
    private static final String CHEFS_KNIFE = "df967eea-5416-4fae-8d2a-acb36af280d7";

    @Autowired
    RestTestClient client;

    @Autowired
    JdbcClient jdbc;

    @Test
    void seedsADemoCatalogueOfAtLeastTwentyProductsInSeveralCategories() {
        long seeded = jdbc.sql("select count(*) from variant where sku ~ '^[A-Z]{3}-[0-9]{3}$'").query(Long.class).single();
        long categories = jdbc.sql("select count(distinct category_id) from product").query(Long.class).single();

        assertThat(seeded).isGreaterThanOrEqualTo(20);
        assertThat(categories).isGreaterThanOrEqualTo(5);
    }

    @Test
    void showsAProductWithoutATokenWithItsPriceAsADecimalString() {
        client.get().uri("/api/products/{id}", CHEFS_KNIFE).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.id").isEqualTo(CHEFS_KNIFE)
                .jsonPath("$.sku").isEqualTo("KIT-004")
                .jsonPath("$.category").isEqualTo("kitchen")
                .jsonPath("$.price.amount").isEqualTo("89.00")
                .jsonPath("$.price.currency").isEqualTo("EUR")
                .jsonPath("$.available").isNumber();
    }

    @Test
    void answersAnUnknownProductWithNotFoundProblem() {
        client.get().uri("/api/products/{id}", UUID.randomUUID()).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(404);
    }

    @Test
    void answersAMalformedProductIdWithBadRequestProblem() {
        client.get().uri("/api/products/not-a-uuid").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void searchesNameDescriptionAndSkuIgnoringCase() {
        client.get().uri("/api/products?q=ENAMEL").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.content[0].id").isEqualTo(ENAMEL_MUG)
                .jsonPath("$.page.totalElements").isEqualTo(1);
        client.get().uri("/api/products?q=fountain pen ink").exchange()
                .expectBody().jsonPath("$.content[0].sku").isEqualTo("OFF-001");
        client.get().uri("/api/products?q=kit-00").exchange()
                .expectBody().jsonPath("$.page.totalElements").isEqualTo(4);
    }

    @Test
    void treatsWildcardsInTheSearchTextLiterally() {
        client.get().uri("/api/products?q={q}", "%").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.page.totalElements").isEqualTo(0);
    }

    @Test
    void pagesThroughACategorySortedByName() {
        String category = "Paging-" + UUID.randomUUID().toString().substring(0, 8);
        for (String name : new String[] { "Echo", "Alpha", "Delta", "Bravo", "Charlie" }) {
            client.post().uri("/api/products").header(HttpHeaders.AUTHORIZATION, admin())
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("sku", sku(), "name", name, "description", "Paged.", "category", category,
                            "price", Map.of("amount", "1.00", "currency", "EUR"), "available", 1))
                    .exchange().expectStatus().isCreated();
        }

        client.get().uri("/api/products?category={c}&page=1&size=2", category.toUpperCase()).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.content.length()").isEqualTo(2)
                .jsonPath("$.content[0].name").isEqualTo("Charlie")
                .jsonPath("$.content[1].name").isEqualTo("Delta")
                .jsonPath("$.page.size").isEqualTo(2)
                .jsonPath("$.page.number").isEqualTo(1)
                .jsonPath("$.page.totalElements").isEqualTo(5)
                .jsonPath("$.page.totalPages").isEqualTo(3);
    }

    @Test
    void listsTwentyProductsByDefault() {
        client.get().uri("/api/products").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.content.length()").isEqualTo(20)
                .jsonPath("$.page.size").isEqualTo(20)
                .jsonPath("$.page.number").isEqualTo(0);
    }

    @Test
    void refusesPageSizesOutsideOneToHundredAndNegativePages() {
        for (String query : new String[] { "size=0", "size=101", "page=-1", "page=abc" }) {
            client.get().uri("/api/products?" + query).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Test
    void requiresATokenToCreateAProduct() {
        client.post().uri("/api/products").contentType(MediaType.APPLICATION_JSON).body(newProduct(sku(), "9.99", 5))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void forbidsCustomersToCreateProductsOrSetStock() {
        String customer = TestTokens.customer(UUID.randomUUID(), "ada@example.com");
        String sku = sku();
        client.post().uri("/api/products").header(HttpHeaders.AUTHORIZATION, "Bearer " + customer)
                .contentType(MediaType.APPLICATION_JSON).body(newProduct(sku, "9.99", 5))
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        client.put().uri("/api/products/{id}/stock", ENAMEL_MUG).header(HttpHeaders.AUTHORIZATION, "Bearer " + customer)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("available", 1))
                .exchange()
                .expectStatus().isForbidden();
        assertThat(rowsWithSku(sku)).isZero();
    }

    @Test
    void letsAnAdministratorCreateAProductThatIsThenFound() {
        String sku = sku();
        var created = client.post().uri("/api/products").header(HttpHeaders.AUTHORIZATION, admin())
                .contentType(MediaType.APPLICATION_JSON).body(newProduct(sku, "12.5", 7))
                .exchange()
                .expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.sku").isEqualTo(sku)
                .jsonPath("$.price.amount").isEqualTo("12.50")
                .jsonPath("$.available").isEqualTo(7)
                .returnResult();
        String location = created.getResponseHeaders().getLocation().toString();

        client.get().uri(location).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.sku").isEqualTo(sku);
    }

    @Test
    void refusesInvalidProductsAndWritesNothing() {
        String sku = sku();
        var invalid = new Object[] {
                newProduct(sku, "-1.00", 5),
                newProduct(sku, "1.999", 5),
                newProduct(sku, "9.99", -1),
                Map.of("sku", sku, "name", "No price", "description", "", "category", "test", "available", 1),
                Map.of("sku", sku, "name", "Dollars", "description", "", "category", "test",
                        "price", Map.of("amount", "1.00", "currency", "USD"), "available", 1),
                Map.of("sku", sku, "name", " ", "description", "", "category", "test",
                        "price", Map.of("amount", "1.00", "currency", "EUR"), "available", 1) };
        for (Object body : invalid) {
            client.post().uri("/api/products").header(HttpHeaders.AUTHORIZATION, admin())
                    .contentType(MediaType.APPLICATION_JSON).body(body)
                    .exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
        assertThat(rowsWithSku(sku)).isZero();
    }

    @Test
    void refusesADuplicateSkuWithConflictAndKeepsTheFirstProduct() {
        String sku = sku();
        client.post().uri("/api/products").header(HttpHeaders.AUTHORIZATION, admin())
                .contentType(MediaType.APPLICATION_JSON).body(newProduct(sku, "5.00", 1))
                .exchange().expectStatus().isCreated();

        client.post().uri("/api/products").header(HttpHeaders.AUTHORIZATION, admin())
                .contentType(MediaType.APPLICATION_JSON).body(newProduct(sku, "99.00", 50))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);

        assertThat(rowsWithSku(sku)).isEqualTo(1);
        assertThat(jdbc.sql("select available from variant where sku = ?").param(sku).query(Integer.class).single())
                .isEqualTo(1);
    }

    @Test
    void letsAnAdministratorSetTheStockButNeverBelowZero() {
        String id = createProduct(3);

        client.put().uri("/api/products/{id}/stock", id).header(HttpHeaders.AUTHORIZATION, admin())
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("available", 42))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.available").isEqualTo(42);
        client.put().uri("/api/products/{id}/stock", id).header(HttpHeaders.AUTHORIZATION, admin())
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("available", -1))
                .exchange()
                .expectStatus().isBadRequest();
        client.put().uri("/api/products/{id}/stock", id).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("available", 1))
                .exchange()
                .expectStatus().isUnauthorized();

        client.get().uri("/api/products/{id}", id).exchange().expectBody().jsonPath("$.available").isEqualTo(42);
    }

    @Test
    void answersStockOfAnUnknownProductWithNotFound() {
        client.put().uri("/api/products/{id}/stock", UUID.randomUUID()).header(HttpHeaders.AUTHORIZATION, admin())
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("available", 1))
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void looksUpSeveralProductsInternallyLeavingOutUnknownIds() {
        client.get().uri("/internal/products?ids={a},{b},{c}", ENAMEL_MUG, CHEFS_KNIFE, UUID.randomUUID()).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[?(@.sku == 'MUG-001')].price.amount").isEqualTo("19.99");
    }

    @Test
    void answersAMalformedIdInTheInternalLookupWithBadRequest() {
        client.get().uri("/internal/products?ids={a},nope", ENAMEL_MUG).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private String createProduct(int available) {
        return client.post().uri("/api/products").header(HttpHeaders.AUTHORIZATION, admin())
                .contentType(MediaType.APPLICATION_JSON).body(newProduct(sku(), "1.00", available))
                .exchange()
                .expectStatus().isCreated()
                .returnResult(Map.class).getResponseBody().get("id").toString();
    }

    private long rowsWithSku(String sku) {
        return jdbc.sql("select count(*) from variant where sku = ?").param(sku).query(Long.class).single();
    }

    private static String admin() {
        return "Bearer " + TestTokens.admin();
    }

    private static String sku() {
        return "T-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Map<String, Object> newProduct(String sku, String price, int available) {
        return Map.of("sku", sku, "name", "Test gadget " + sku, "description", "Made for a test.",
                "category", "test", "price", Map.of("amount", price, "currency", "EUR"), "available", available);
    }
}
