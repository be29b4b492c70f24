package com.example.shop.catalog.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
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
import com.example.shop.contracts.catalog.CatalogEvents;
import com.example.shop.platform.testsupport.TestTokens;
import com.example.shop.platform.testsupport.TopicRecorder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProductAdministrationIntegrationTests extends CatalogIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    RestTestClient client;

    @Autowired
    JdbcClient jdbc;

    CatalogAdmin admin;
    TopicRecorder events;
    String category;

    @BeforeAll
    void setUp() {
        admin = new CatalogAdmin(client);
        events = new TopicRecorder(CatalogEvents.TOPIC);
        category = admin.category("adm-" + UUID.randomUUID().toString().substring(0, 8), "Admin tests", null);
    }

    @AfterAll
    void tearDown() {
        events.close();
    }

    @Test
    void addsVariantsWithTheirOwnSkuStockAndPrice() {
        String tee = admin.product("Variant tee", "Tee.", "Brand", category, null, Map.of("size", "S"), "20.00", 4);
        String large = admin.variant(tee, Map.of("size", "L"), "22.00", 7);

        client.get().uri("/api/products/{id}", tee).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.variants.length()").isEqualTo(2)
                .jsonPath("$.variants[0].id").isEqualTo(tee)
                .jsonPath("$.variants[1].id").isEqualTo(large)
                .jsonPath("$.variants[1].attributes.size").isEqualTo("L")
                .jsonPath("$.available").isEqualTo(4);
        client.get().uri("/api/products/{id}", large).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.id").isEqualTo(large)
                .jsonPath("$.productId").isEqualTo(tee)
                .jsonPath("$.price.amount").isEqualTo("22.00")
                .jsonPath("$.available").isEqualTo(7);
        client.get().uri("/internal/products?ids={id}", large).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[0].id").isEqualTo(large)
                .jsonPath("$[0].name").isEqualTo("Variant tee (L)")
                .jsonPath("$[0].price.amount").isEqualTo("22.00");
    }

    @Test
    void refusesATakenSkuWithConflictAndWritesNothing() {
        String product = admin.product("Sku clash", "x", null, category, null, Map.of(), "5.00", 1);
        String takenSku = jdbc.sql("select sku from variant where id = ?").param(UUID.fromString(product))
                .query(String.class).single();

        client.post().uri("/api/products/{id}/variants", product).header(HttpHeaders.AUTHORIZATION, CatalogAdmin.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("sku", takenSku, "attributes", Map.of("size", "M"), "price", CatalogAdmin.eur("5.00"),
                        "available", 1))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        String other = admin.variant(product, Map.of("size", "M"), "5.00", 1);
        client.put().uri("/api/products/{id}/variants/{v}", product, other).header(HttpHeaders.AUTHORIZATION, CatalogAdmin.bearer())
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("sku", takenSku, "attributes", Map.of("size", "XL")))
                .exchange()
                .expectStatus().isEqualTo(409);

        assertThat(jdbc.sql("select count(*) from variant where product_id = ?").param(UUID.fromString(product))
                .query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select attributes ->> 'size' from variant where id = ?").param(UUID.fromString(other))
                .query(String.class).single()).isEqualTo("M");
    }

    @Test
    void refusesInvalidPricesWritesNothingAndPublishesNothing() {
        String product = admin.product("Price rules", "x", null, category, null, Map.of(), "30.00", 1);
        var invalid = List.of(
                pricing("-1.00", null, null, null),
                pricing("30.00", "30.00", null, null),
                pricing("30.00", "35.00", null, null),
                pricing("30.00", "-2.00", null, null),
                pricing("30.00", "20.00", "2026-12-01T00:00:00Z", "2026-11-01T00:00:00Z"),
                pricing("30.00", null, "2026-11-01T00:00:00Z", null),
                pricing("30.001", null, null, null),
                Map.<String, Object>of("listPrice", Map.of("amount", "30.00", "currency", "USD")));
        for (Map<String, Object> body : invalid) {
            admin.price(product, product, body)
                    .expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }

        client.get().uri("/api/products/{id}", product).exchange()
                .expectBody().jsonPath("$.price.amount").isEqualTo("30.00").jsonPath("$.salePrice").isEmpty();
        assertThat(outboxRows(product, CatalogEvents.PRICE_CHANGED)).isZero();
    }

    @Test
    void publishesExactlyOnePriceChangedEventPerPriceChange() {
        String product = admin.product("Priced mug", "x", null, category, null, Map.of(), "12.00", 1);

        admin.price(product, product, pricing("14.00", "9.99", "2020-01-01T00:00:00Z", "2099-01-01T00:00:00Z"))
                .expectStatus().isOk()
                .expectBody().jsonPath("$.price.amount").isEqualTo("9.99");
        // The same prices again are no change and publish nothing.
        admin.price(product, product, pricing("14.00", "9.99", "2020-01-01T00:00:00Z", "2099-01-01T00:00:00Z"))
                .expectStatus().isOk();

        await().atMost(Duration.ofSeconds(20)).until(() -> !events.withKey(product).isEmpty());
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> events.withKey(product).size() == 1);
        ConsumerRecord<String, String> record = events.withKey(product).get(0);
        JsonNode event = JSON.readTree(record.value());
        assertThat(event.get("type").asString()).isEqualTo(CatalogEvents.PRICE_CHANGED);
        assertThat(event.get("subject").asString()).isEqualTo(product);
        JsonNode data = event.get("data");
        assertThat(data.get("variantId").asString()).isEqualTo(product);
        assertThat(data.get("listPrice").get("amount").asString()).isEqualTo("14.00");
        assertThat(data.get("salePrice").get("amount").asString()).isEqualTo("9.99");
        assertThat(data.get("effectivePrice").get("amount").asString()).isEqualTo("9.99");
        assertThat(outboxRows(product, CatalogEvents.PRICE_CHANGED)).isEqualTo(1);
    }

    @Test
    void paysTheSalePriceOnlyWithinItsWindow() {
        Instant now = Instant.now();
        String later = admin.product("Sale later", "x", null, category, null, Map.of(), "40.00", 1);
        String running = admin.product("Sale now", "x", null, category, null, Map.of(), "40.00", 1);
        String over = admin.product("Sale over", "x", null, category, null, Map.of(), "40.00", 1);
        admin.price(later, later, pricing("40.00", "30.00", now.plus(1, ChronoUnit.DAYS).toString(), null)).expectStatus().isOk();
        admin.price(running, running, pricing("40.00", "30.00", now.minus(1, ChronoUnit.HOURS).toString(),
                now.plus(1, ChronoUnit.HOURS).toString())).expectStatus().isOk();
        admin.price(over, over, pricing("40.00", "30.00", null, now.minus(1, ChronoUnit.MINUTES).toString())).expectStatus().isOk();

        assertThat(price(later)).isEqualTo("40.00");
        assertThat(price(running)).isEqualTo("30.00");
        assertThat(price(over)).isEqualTo("40.00");
        client.get().uri("/internal/products?ids={id}", running).exchange()
                .expectBody().jsonPath("$[0].price.amount").isEqualTo("30.00")
                .jsonPath("$[0].listPrice.amount").isEqualTo("40.00");
    }

    @Test
    void movesStatusFromDraftToActiveToArchivedAndNeverBack() {
        String product = admin.product("Lifecycle lamp", "x", null, category, "DRAFT", Map.of(), "25.00", 5);

        client.get().uri("/api/products/{id}", product).exchange().expectStatus().isNotFound();
        client.get().uri("/api/products/{id}", product).header(HttpHeaders.AUTHORIZATION, CatalogAdmin.bearer()).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("DRAFT");
        client.get().uri("/internal/products?ids={id}", product).exchange().expectBody().jsonPath("$.length()").isEqualTo(0);
        assertThat(reserve(product)).isEqualTo("REJECTED");

        admin.status(product, "ACTIVE").expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("ACTIVE");
        assertThat(reserve(product)).isEqualTo("RESERVED");

        admin.status(product, "ARCHIVED").expectStatus().isOk();
        admin.status(product, "ARCHIVED").expectStatus().isOk();
        admin.status(product, "ACTIVE").expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);

        client.get().uri("/api/products/{id}", product).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("ARCHIVED");
        client.get().uri("/internal/products?ids={id}", product).exchange().expectBody().jsonPath("$.length()").isEqualTo(0);
        assertThat(reserve(product)).isEqualTo("REJECTED");
        assertThat(outboxRows(product, CatalogEvents.PRODUCT_ARCHIVED)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> events.withKey(product).stream()
                .anyMatch(r -> r.value().contains(CatalogEvents.PRODUCT_ARCHIVED)));
    }

    @Test
    void reservesTheStockOfTheVariantThatWasOrdered() {
        String boot = admin.product("Variant boot", "x", null, category, null, Map.of("size", "40"), "90.00", 3);
        String big = admin.variant(boot, Map.of("size", "44"), "90.00", 2);

        assertThat(reserve(big)).isEqualTo("RESERVED");

        assertThat(available(boot)).isEqualTo(3);
        assertThat(available(big)).isEqualTo(1);
    }

    @Test
    void updatesDescriptiveFieldsAndFindsTheProductByItsNewName() {
        String product = admin.product("Plain box", "x", null, category, null, Map.of(), "5.00", 1);
        String word = "zr" + UUID.randomUUID().toString().replaceAll("[^a-f]", "");
        var body = new HashMap<String, Object>();
        body.put("name", "Box " + word);
        body.put("description", "Now with a lid.");
        body.put("brand", "Boxco");
        body.put("categoryId", category);
        body.put("images", List.of("/images/box.jpg"));

        client.put().uri("/api/products/{id}", product).header(HttpHeaders.AUTHORIZATION, CatalogAdmin.bearer())
                .contentType(MediaType.APPLICATION_JSON).body(body)
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.brand").isEqualTo("Boxco").jsonPath("$.images[0]").isEqualTo("/images/box.jpg");
        client.get().uri("/api/products?q={q}", word).exchange()
                .expectBody().jsonPath("$.content[0].id").isEqualTo(product);

        body.put("categoryId", UUID.randomUUID().toString());
        client.put().uri("/api/products/{id}", product).header(HttpHeaders.AUTHORIZATION, CatalogAdmin.bearer())
                .contentType(MediaType.APPLICATION_JSON).body(body)
                .exchange()
                .expectStatus().isBadRequest();
    }

    @Test
    void movesACategoryWithItsSubtree() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String a = admin.category("mv-a-" + suffix, "A", null);
        String b = admin.category("mv-b-" + suffix, "B", null);
        String child = admin.category("mv-c-" + suffix, "C", a);
        String leaf = admin.category("mv-d-" + suffix, "D", child);
        admin.product("Moved thing", "x", null, leaf, null, Map.of(), "1.00", 1);

        client.put().uri("/api/products/categories/{id}", child).header(HttpHeaders.AUTHORIZATION, CatalogAdmin.bearer())
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("name", "C moved", "parentId", b))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.path").isEqualTo("mv-b-%s/mv-c-%s".formatted(suffix, suffix));
        client.get().uri("/api/products/categories/{id}", leaf).exchange()
                .expectBody().jsonPath("$.path").isEqualTo("mv-b-%s/mv-c-%s/mv-d-%s".formatted(suffix, suffix, suffix));
        client.get().uri("/api/products?category=mv-a-" + suffix).exchange()
                .expectBody().jsonPath("$.page.totalElements").isEqualTo(0);
        client.get().uri("/api/products?category=mv-b-" + suffix).exchange()
                .expectBody().jsonPath("$.page.totalElements").isEqualTo(1);

        client.put().uri("/api/products/categories/{id}", b).header(HttpHeaders.AUTHORIZATION, CatalogAdmin.bearer())
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("name", "B", "parentId", leaf))
                .exchange()
                .expectStatus().isBadRequest();
        client.post().uri("/api/products/categories").header(HttpHeaders.AUTHORIZATION, CatalogAdmin.bearer())
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("slug", "mv-a-" + suffix, "name", "Again"))
                .exchange()
                .expectStatus().isEqualTo(409);
    }

    @Test
    void forbidsCustomersEveryAdministrativeChange() {
        String customer = "Bearer " + TestTokens.customer(UUID.randomUUID(), "ada@example.com");
        String product = admin.product("Guarded", "x", null, category, null, Map.of(), "1.00", 1);
        client.put().uri("/api/products/{id}/status", product).header(HttpHeaders.AUTHORIZATION, customer)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("status", "ARCHIVED"))
                .exchange().expectStatus().isForbidden();
        client.post().uri("/api/products/categories").header(HttpHeaders.AUTHORIZATION, customer)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("slug", "nope", "name", "Nope"))
                .exchange().expectStatus().isForbidden();
        client.put().uri("/api/products/{id}/variants/{v}/price", product, product)
                .contentType(MediaType.APPLICATION_JSON).body(pricing("2.00", null, null, null))
                .exchange().expectStatus().isUnauthorized();
    }

    @Test
    void publishesTheOpenApiDocumentWithoutAToken() {
        client.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.paths['/api/products']").exists()
                .jsonPath("$.paths['/api/products/{id}/variants/{variantId}/price']").exists()
                .jsonPath("$.paths['/internal/reservations']").exists();
    }

    private String reserve(String variantId) {
        return client.post().uri("/internal/reservations").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("orderId", UUID.randomUUID(), "lines", List.of(Map.of("productId", variantId, "quantity", 1))))
                .exchange()
                .expectStatus().isOk()
                .returnResult(Map.class).getResponseBody().get("status").toString();
    }

    private int available(String variantId) {
        return jdbc.sql("select available from variant where id = ?").param(UUID.fromString(variantId))
                .query(Integer.class).single();
    }

    private String price(String id) {
        return client.get().uri("/api/products/{id}", id).exchange().expectStatus().isOk()
                .returnResult(JsonNode.class).getResponseBody().get("price").get("amount").asString();
    }

    private long outboxRows(String key, String type) {
        return jdbc.sql("select count(*) from outbox_event where message_key = ? and type = ?").param(key).param(type)
                .query(Long.class).single();
    }

    private static Map<String, Object> pricing(String list, String sale, String from, String to) {
        var body = new HashMap<String, Object>();
        body.put("listPrice", CatalogAdmin.eur(list));
        if (sale != null) {
            body.put("salePrice", CatalogAdmin.eur(sale));
        }
        body.put("saleFrom", from);
        body.put("saleTo", to);
        return body;
    }
}
