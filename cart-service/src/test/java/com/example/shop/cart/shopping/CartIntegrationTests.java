package com.example.shop.cart.shopping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import com.example.shop.cart.CatalogStub;
import com.example.shop.contracts.order.OrderEvents;
import com.example.shop.platform.testsupport.SampleEvents;
import com.example.shop.platform.testsupport.TestKafka;
import com.example.shop.platform.testsupport.TestPostgres;
import com.example.shop.platform.testsupport.TestTokens;

import tools.jackson.databind.node.ObjectNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class CartIntegrationTests {

    static final CatalogStub catalog = CatalogStub.start();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestPostgres.register(registry, "cart");
        TestKafka.register(registry);
        TestTokens.register(registry);
        registry.add("shop.catalog.url", catalog::url);
    }

    @Autowired
    RestTestClient client;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    JdbcClient jdbc;

    @Test
    void publishesItsApiAsOpenApiWithoutAToken() {
        client.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.info.title").isEqualTo("cart-service")
                .jsonPath("$.paths['/api/cart/items'].post").exists()
                .jsonPath("$.paths['/api/cart/merge'].post").exists()
                .jsonPath("$.components.securitySchemes.cartToken.name").isEqualTo("X-Cart-Token");
    }

    @Test
    void requiresATokenOrACartTokenToReadOrChangeACart() {
        client.get().uri("/api/cart").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        client.put().uri("/api/cart/items/{id}", UUID.randomUUID()).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("quantity", 1)).exchange()
                .expectStatus().isUnauthorized();
        client.delete().uri("/api/cart/items/{id}", UUID.randomUUID()).exchange().expectStatus().isUnauthorized();
        client.delete().uri("/api/cart").exchange().expectStatus().isUnauthorized();
        client.post().uri("/api/cart/merge").header("X-Cart-Token", "some-token").exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void answersAnInvalidBearerTokenWith401EvenWhereAGuestWouldBeLetIn() {
        UUID mug = catalog.add("MUG-009", "Tin mug", "7.00");
        client.post().uri("/api/cart/items").header(HttpHeaders.AUTHORIZATION, "Bearer not.a.token")
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("productId", mug, "quantity", 1)).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        client.get().uri("/api/cart").header(HttpHeaders.AUTHORIZATION, "Bearer not.a.token")
                .header("X-Cart-Token", "some-token").exchange()
                .expectStatus().isUnauthorized();
        assertThat(jdbc.sql("select count(*) from cart_line where product_id = ?").param(mug)
                .query(Long.class).single()).isZero();
    }

    @Test
    void showsAnEmptyCartWithAZeroTotal() {
        client.get().uri("/api/cart").header(HttpHeaders.AUTHORIZATION, bearer(UUID.randomUUID())).exchange()
                .expectStatus().isOk()
                .expectBody().json("""
                        {"items":[],"total":{"amount":"0.00","currency":"EUR"}}""");
    }

    @Test
    void pricesTheCartFromTheCatalogue() {
        UUID ada = UUID.randomUUID();
        UUID mug = catalog.add("MUG-001", "Enamel mug", "19.99");

        add(ada, mug, 3).expectStatus().isOk()
                .expectBody().json("""
                        {"items":[{"productId":"%s","sku":"MUG-001","name":"Enamel mug","quantity":3,
                                   "unitPrice":{"amount":"19.99","currency":"EUR"},
                                   "lineTotal":{"amount":"59.97","currency":"EUR"}}],
                         "total":{"amount":"59.97","currency":"EUR"}}""".formatted(mug));
    }

    @Test
    void showsTheCataloguesCurrentPriceWhenTheCartIsRead() {
        UUID ada = UUID.randomUUID();
        UUID lamp = catalog.add("HOM-002", "Ceramic table lamp", "129.00");
        add(ada, lamp, 2).expectStatus().isOk();

        catalog.put(lamp, "HOM-002", "Ceramic table lamp", "99.50");

        cart(ada).jsonPath("$.items[0].unitPrice.amount").isEqualTo("99.50")
                .jsonPath("$.total.amount").isEqualTo("199.00");
    }

    @Test
    void addsUpQuantitiesWhenTheSameProductIsAddedAgain() {
        UUID ada = UUID.randomUUID();
        UUID pen = catalog.add("OFF-002", "Fountain pen", "34.00");

        add(ada, pen, 2).expectStatus().isOk();
        add(ada, pen, 5).expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].quantity").isEqualTo(7);
    }

    @Test
    void refusesToGrowALineBeyond99AndKeepsItAsItWas() {
        UUID ada = UUID.randomUUID();
        UUID candle = catalog.add("HOM-003", "Scented candle", "26.00");
        add(ada, candle, 90).expectStatus().isOk();

        add(ada, candle, 10).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);

        cart(ada).jsonPath("$.items[0].quantity").isEqualTo(90);
    }

    @Test
    void losesNoUnitsAndNeverPasses99WhenTheSameProductIsAddedConcurrently() throws Exception {
        UUID ada = UUID.randomUUID();
        UUID bottle = catalog.add("OUT-005", "Insulated bottle", "29.90");
        add(ada, bottle, 80).expectStatus().isOk();

        var start = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(8)) {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                statuses.add(pool.submit(() -> {
                    start.await();
                    return add(ada, bottle, 3).returnResult().getStatus().value();
                }));
            }
            start.countDown();
            long accepted = 0;
            for (var status : statuses) {
                accepted += status.get(30, TimeUnit.SECONDS) == 200 ? 1 : 0;
            }
            // 80 + 6 * 3 = 98; a seventh add would make 101.
            assertThat(accepted).isEqualTo(6);
        }
        cart(ada).jsonPath("$.items[0].quantity").isEqualTo(98);
    }

    @Test
    void refusesToAddQuantitiesOutsideOneTo99() {
        UUID ada = UUID.randomUUID();
        UUID towel = catalog.add("KIT-005", "Linen tea towels", "22.00");
        for (int quantity : new int[] { 0, -1, 100 }) {
            add(ada, towel, quantity).expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
        client.post().uri("/api/cart/items").header(HttpHeaders.AUTHORIZATION, bearer(ada))
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("productId", towel)).exchange()
                .expectStatus().isBadRequest();
        assertThat(storedLines(ada)).isZero();
    }

    @Test
    void answersAProductUnknownToTheCatalogueWithNotFoundAndStoresNothing() {
        UUID ada = UUID.randomUUID();

        add(ada, UUID.randomUUID(), 1).expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);

        assertThat(storedLines(ada)).isZero();
    }

    @Test
    void setsTheQuantityOfALineAndRemovesItAtZero() {
        UUID ada = UUID.randomUUID();
        UUID book = catalog.add("BOK-001", "The Pragmatic Programmer", "42.99");
        add(ada, book, 1).expectStatus().isOk();

        setQuantity(ada, book, 4).expectStatus().isOk()
                .expectBody().jsonPath("$.items[0].quantity").isEqualTo(4)
                .jsonPath("$.total.amount").isEqualTo("171.96");
        setQuantity(ada, book, 0).expectStatus().isOk()
                .expectBody().jsonPath("$.items.length()").isEqualTo(0);
    }

    @Test
    void refusesToSetNegativeOrTooLargeQuantities() {
        UUID ada = UUID.randomUUID();
        UUID book = catalog.add("BOK-002", "Domain-Driven Design", "54.90");
        add(ada, book, 1).expectStatus().isOk();

        setQuantity(ada, book, -1).expectStatus().isBadRequest();
        setQuantity(ada, book, 100).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);

        cart(ada).jsonPath("$.items[0].quantity").isEqualTo(1);
    }

    @Test
    void answersSettingALineThatIsNotInTheCartWithNotFound() {
        UUID book = catalog.add("BOK-003", "Designing Data-Intensive Applications", "45.50");

        setQuantity(UUID.randomUUID(), book, 2).expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void removesALineAndEmptiesTheCart() {
        UUID ada = UUID.randomUUID();
        UUID a = catalog.add("AUD-001", "Wireless headphones", "179.00");
        UUID b = catalog.add("AUD-002", "Bluetooth speaker", "79.00");
        add(ada, a, 1).expectStatus().isOk();
        add(ada, b, 1).expectStatus().isOk();

        client.delete().uri("/api/cart/items/{id}", a).header(HttpHeaders.AUTHORIZATION, bearer(ada)).exchange()
                .expectStatus().isNoContent();
        cart(ada).jsonPath("$.items.length()").isEqualTo(1).jsonPath("$.items[0].sku").isEqualTo("AUD-002");

        client.delete().uri("/api/cart").header(HttpHeaders.AUTHORIZATION, bearer(ada)).exchange()
                .expectStatus().isNoContent();
        cart(ada).jsonPath("$.items.length()").isEqualTo(0);
    }

    @Test
    void leavesOutProductsThatVanishedFromTheCatalogue() {
        UUID ada = UUID.randomUUID();
        UUID kept = catalog.add("OUT-004", "Headlamp", "44.95");
        UUID gone = catalog.add("OUT-009", "Discontinued stove", "60.00");
        add(ada, kept, 2).expectStatus().isOk();
        add(ada, gone, 1).expectStatus().isOk();

        catalog.remove(gone);

        cart(ada).jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].productId").isEqualTo(kept.toString())
                .jsonPath("$.total.amount").isEqualTo("89.90")
                .jsonPath("$.unavailableItems.length()").isEqualTo(1)
                .jsonPath("$.unavailableItems[0].productId").isEqualTo(gone.toString())
                .jsonPath("$.unavailableItems[0].sku").isEqualTo("OUT-009")
                .jsonPath("$.unavailableItems[0].available").isEqualTo(false)
                .jsonPath("$.unavailableItems[0].problem").isEqualTo("UNAVAILABLE");
    }

    @Test
    void keepsEachCustomersCartToThemselves() {
        UUID ada = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        UUID tent = catalog.add("OUT-001", "Ultralight tent", "299.00");
        add(ada, tent, 1).expectStatus().isOk();

        cart(bob).jsonPath("$.items.length()").isEqualTo(0);
        setQuantity(bob, tent, 5).expectStatus().isNotFound();
        client.delete().uri("/api/cart").header(HttpHeaders.AUTHORIZATION, bearer(bob)).exchange()
                .expectStatus().isNoContent();

        cart(ada).jsonPath("$.items[0].quantity").isEqualTo(1);
    }

    @Test
    void emptiesTheCartOnceWhenTheOrderConfirmationIsDeliveredTwice() {
        UUID ada = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        UUID mug = catalog.add("MUG-002", "Stoneware mug", "14.00");
        add(ada, mug, 2).expectStatus().isOk();
        UUID order = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();

        kafka.send(OrderEvents.TOPIC, order.toString(), orderEvent(eventId, OrderEvents.ORDER_CONFIRMED, order, ada));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(storedLines(ada)).isZero());

        add(ada, mug, 1).expectStatus().isOk();
        kafka.send(OrderEvents.TOPIC, order.toString(), orderEvent(eventId, OrderEvents.ORDER_CONFIRMED, order, ada));
        // Same key, so the same partition: once bob's event is processed, the duplicate before it was too.
        add(bob, mug, 1).expectStatus().isOk();
        kafka.send(OrderEvents.TOPIC, order.toString(),
                orderEvent(UUID.randomUUID(), OrderEvents.ORDER_CONFIRMED, order, bob));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(storedLines(bob)).isZero());

        cart(ada).jsonPath("$.items[0].quantity").isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from inbox_event where event_id = ?").param(eventId)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void keepsTheCartWhenTheOrderIsRejected() {
        UUID ada = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        UUID mug = catalog.add("MUG-003", "Espresso cup", "9.00");
        add(ada, mug, 1).expectStatus().isOk();
        add(bob, mug, 1).expectStatus().isOk();
        UUID order = UUID.randomUUID();

        kafka.send(OrderEvents.TOPIC, order.toString(),
                orderEvent(UUID.randomUUID(), OrderEvents.ORDER_REJECTED, order, ada));
        kafka.send(OrderEvents.TOPIC, order.toString(),
                orderEvent(UUID.randomUUID(), OrderEvents.ORDER_CONFIRMED, order, bob));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(storedLines(bob)).isZero());

        assertThat(storedLines(ada)).isEqualTo(1);
    }

    private RestTestClient.ResponseSpec add(UUID customer, UUID product, int quantity) {
        return client.post().uri("/api/cart/items").header(HttpHeaders.AUTHORIZATION, bearer(customer))
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("productId", product, "quantity", quantity))
                .exchange();
    }

    private RestTestClient.ResponseSpec setQuantity(UUID customer, UUID product, int quantity) {
        return client.put().uri("/api/cart/items/{id}", product).header(HttpHeaders.AUTHORIZATION, bearer(customer))
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("quantity", quantity))
                .exchange();
    }

    private RestTestClient.BodyContentSpec cart(UUID customer) {
        return client.get().uri("/api/cart").header(HttpHeaders.AUTHORIZATION, bearer(customer)).exchange()
                .expectStatus().isOk()
                .expectBody();
    }

    private long storedLines(UUID customer) {
        return StoredCarts.lines(jdbc, customer);
    }

    private static String bearer(UUID customer) {
        return "Bearer " + TestTokens.customer(customer, customer + "@example.com");
    }

    /** order-service's checked-in sample event, for this event id, order and customer. */
    private static String orderEvent(UUID eventId, String type, UUID order, UUID customer) {
        ObjectNode event = SampleEvents.load(OrderEvents.TOPIC, type, order.toString());
        event.put("id", eventId.toString());
        SampleEvents.data(event).put("orderId", order.toString()).put("customerId", customer.toString());
        return SampleEvents.toJson(event);
    }
}
