package com.example.shop.cart.shopping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.transaction.support.TransactionTemplate;

import com.example.shop.cart.CatalogStub;
import com.example.shop.contracts.cart.CartAbandoned;
import com.example.shop.contracts.cart.CartEvents;
import com.example.shop.contracts.cart.Money;
import com.example.shop.contracts.customer.CustomerEvents;
import com.example.shop.contracts.order.OrderEvents;
import com.example.shop.platform.messaging.Outbox;
import com.example.shop.platform.testsupport.SampleEvents;
import com.example.shop.platform.testsupport.TestKafka;
import com.example.shop.platform.testsupport.TestPostgres;
import com.example.shop.platform.testsupport.TestTokens;

import tools.jackson.databind.node.ObjectNode;

/** The personal-data export and the deletion on {@code customer.deleted.v1}, against real PostgreSQL and Kafka. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class PersonalDataIntegrationTests {

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

    @Autowired
    Outbox outbox;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void exportsTheCustomersCartAsStoredWithoutAToken() {
        UUID ada = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        UUID mug = catalog.add("PD-MUG-1", "Enamel mug", "19.99");
        UUID pen = catalog.add("PD-PEN-1", "Fountain pen", "34.00");
        add(ada, mug, 2);
        add(ada, pen, 1);
        add(bob, mug, 5);

        client.get().uri("/internal/customers/{id}/personal-data", ada).exchange()
                .expectStatus().isOk()
                .expectBody().json("""
                        {"service":"cart-service",
                         "data":{"carts":[{"lines":[
                             {"productId":"%s","sku":"PD-MUG-1","name":"Enamel mug","quantity":2,
                              "unitPrice":{"amount":"19.99","currency":"EUR"}},
                             {"productId":"%s","sku":"PD-PEN-1","name":"Fountain pen","quantity":1,
                              "unitPrice":{"amount":"34.00","currency":"EUR"}}]}]}}""".formatted(mug, pen))
                .jsonPath("$.data.carts.length()").isEqualTo(1)
                .jsonPath("$.data.carts[0].cartId").isEqualTo(cartOf(ada).toString())
                .jsonPath("$.data.carts[0].createdAt").isNotEmpty()
                .jsonPath("$.data.carts[0].updatedAt").isNotEmpty()
                .jsonPath("$.data.carts[0].lines[0].addedAt").isNotEmpty()
                .jsonPath("$.data.carts[0].lines[0].updatedAt").isNotEmpty();
    }

    @Test
    void exportsAnEmptyListForACustomerWithoutACart() {
        client.get().uri("/internal/customers/{id}/personal-data", UUID.randomUUID()).exchange()
                .expectStatus().isOk()
                .expectBody().json("""
                        {"service":"cart-service","data":{"carts":[]}}""", JsonCompareMode.STRICT);
    }

    @Test
    void answersACustomerIdThatIsNotAUuidWith400() {
        client.get().uri("/internal/customers/{id}/personal-data", "not-a-uuid").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void deletesTheCustomersCartOnceWhenTheDeletionIsDeliveredTwice() {
        UUID ada = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        UUID carol = UUID.randomUUID();
        UUID mug = catalog.add("PD-MUG-2", "Stoneware mug", "14.00");
        add(ada, mug, 2);
        add(bob, mug, 1);
        add(carol, mug, 1);
        UUID adaCart = cartOf(ada);
        UUID eventId = UUID.randomUUID();

        kafka.send(CustomerEvents.TOPIC, ada.toString(), customerDeleted(eventId, ada));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(carts(ada)).isZero());

        assertThat(jdbc.sql("select count(*) from cart_line where cart_id = ?").param(adaCart).query(Long.class)
                .single()).isZero();
        client.get().uri("/internal/customers/{id}/personal-data", ada).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.data.carts").isEmpty();
        assertThat(StoredCarts.lines(jdbc, bob)).isEqualTo(1);

        // A cart the customer starts afterwards (their token lives on for up to an hour) is not deleted by the
        // redelivered event: the inbox skips it. Carol's deletion, same key and partition, comes after it.
        add(ada, mug, 1);
        kafka.send(CustomerEvents.TOPIC, ada.toString(), customerDeleted(eventId, ada));
        kafka.send(CustomerEvents.TOPIC, ada.toString(), customerDeleted(UUID.randomUUID(), carol));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(carts(carol)).isZero());

        assertThat(carts(ada)).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from inbox_event where event_id = ?").param(eventId)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void ignoresLaterEventsAboutADeletedCustomer() {
        UUID ada = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        UUID mug = catalog.add("PD-MUG-3", "Espresso cup", "9.00");
        add(ada, mug, 1);
        add(bob, mug, 1);
        kafka.send(CustomerEvents.TOPIC, ada.toString(), customerDeleted(UUID.randomUUID(), ada));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(carts(ada)).isZero());

        UUID order = UUID.randomUUID();
        UUID confirmation = UUID.randomUUID();
        kafka.send(OrderEvents.TOPIC, order.toString(), orderConfirmed(confirmation, order, ada));
        kafka.send(OrderEvents.TOPIC, order.toString(), orderConfirmed(UUID.randomUUID(), order, bob));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(StoredCarts.lines(jdbc, bob)).isZero());

        // Processed (recorded in the inbox), not failed towards the dead-letter topic, and no cart came back.
        assertThat(jdbc.sql("select count(*) from inbox_event where event_id = ?").param(confirmation)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(carts(ada)).isZero();
    }

    @Test
    void deletesTheAbandonmentEventsAboutTheCustomerFromTheOutbox() {
        UUID ada = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        abandoned(ada);
        abandoned(bob);
        assertThat(abandonmentEvents(ada)).isEqualTo(1);

        kafka.send(CustomerEvents.TOPIC, ada.toString(), customerDeleted(UUID.randomUUID(), ada));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(abandonmentEvents(ada)).isZero());

        assertThat(abandonmentEvents(bob)).isEqualTo(1);
    }

    @Test
    void ignoresOtherCustomerEvents() {
        UUID ada = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        UUID mug = catalog.add("PD-MUG-4", "Travel mug", "12.00");
        add(ada, mug, 1);
        add(bob, mug, 1);
        ObjectNode registered = SampleEvents.load(CustomerEvents.TOPIC, CustomerEvents.CUSTOMER_REGISTERED, ada.toString());
        SampleEvents.data(registered).put("customerId", ada.toString());

        kafka.send(CustomerEvents.TOPIC, ada.toString(), SampleEvents.toJson(registered));
        kafka.send(CustomerEvents.TOPIC, ada.toString(), customerDeleted(UUID.randomUUID(), bob));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(carts(bob)).isZero());

        assertThat(carts(ada)).isEqualTo(1);
    }

    private void add(UUID customer, UUID product, int quantity) {
        client.post().uri("/api/cart/items")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.customer(customer, customer + "@example.com"))
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("productId", product, "quantity", quantity))
                .exchange()
                .expectStatus().isOk();
    }

    private UUID cartOf(UUID customer) {
        return jdbc.sql("select id from cart where customer_id = ?").param(customer).query(UUID.class).single();
    }

    private long carts(UUID customer) {
        return jdbc.sql("select count(*) from cart where customer_id = ?").param(customer).query(Long.class).single();
    }

    private void abandoned(UUID customer) {
        var line = new CartAbandoned.Line(UUID.randomUUID(), "PD-LAMP", "Table lamp", 1,
                new Money(new BigDecimal("99.50"), "EUR"));
        UUID cart = UUID.randomUUID();
        Instant now = Instant.now();
        transaction.executeWithoutResult(status -> outbox.publish(CartEvents.TOPIC, cart.toString(),
                CartEvents.CART_ABANDONED, new CartAbandoned(cart, customer, List.of(line), now, now)));
    }

    private long abandonmentEvents(UUID customer) {
        return jdbc.sql("""
                select count(*) from outbox_event where type = 'cart.abandoned.v1' and payload -> 'data' ->> 'customerId' = ?
                """).param(customer.toString()).query(Long.class).single();
    }

    /** customer-service's checked-in sample, for this event id and customer. */
    private static String customerDeleted(UUID eventId, UUID customer) {
        ObjectNode event = SampleEvents.load(CustomerEvents.TOPIC, CustomerEvents.CUSTOMER_DELETED, customer.toString());
        event.put("id", eventId.toString());
        SampleEvents.data(event).put("customerId", customer.toString());
        return SampleEvents.toJson(event);
    }

    private static String orderConfirmed(UUID eventId, UUID order, UUID customer) {
        ObjectNode event = SampleEvents.load(OrderEvents.TOPIC, OrderEvents.ORDER_CONFIRMED, order.toString());
        event.put("id", eventId.toString());
        SampleEvents.data(event).put("orderId", order.toString()).put("customerId", customer.toString());
        return SampleEvents.toJson(event);
    }
}
