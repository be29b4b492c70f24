package com.example.shop.cart.shopping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import com.example.shop.cart.CatalogStub;
import com.example.shop.contracts.cart.CartAbandoned;
import com.example.shop.contracts.cart.CartEvents;
import com.example.shop.platform.messaging.Events;
import com.example.shop.platform.testsupport.TestKafka;
import com.example.shop.platform.testsupport.TestPostgres;
import com.example.shop.platform.testsupport.TestTokens;
import com.example.shop.platform.testsupport.TopicRecorder;

/**
 * The abandonment job with clocks in seconds, in a database of its own (its short guest TTL would otherwise
 * delete other tests' guest carts while this cached context lives). Events are read by a real Kafka consumer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "shop.cart.abandon-after=2s", "shop.cart.guest-ttl=3s", "shop.cart.sweep-interval=250ms",
        "spring.kafka.listener.auto-startup=false" })
@AutoConfigureRestTestClient
class CartAbandonmentIntegrationTests {

    static final CatalogStub catalog = CatalogStub.start();
    static final TopicRecorder consumer = new TopicRecorder(CartEvents.TOPIC);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestPostgres.register(registry, "cart_abandonment");
        TestKafka.register(registry);
        TestTokens.register(registry);
        registry.add("shop.catalog.url", catalog::url);
    }

    @AfterAll
    static void closeConsumer() {
        consumer.close();
    }

    @Autowired
    RestTestClient client;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Events events;

    @Test
    void publishesOneAbandonmentPerAbandonmentAndAgainAfterTheCartIsChangedAndLeftAgain() {
        UUID ada = UUID.randomUUID();
        UUID mug = catalog.add("MUG-201", "Enamel mug", "19.99");
        add(ada, mug, 2);
        String cart = cartOf(ada).toString();

        await().atMost(Duration.ofSeconds(20)).until(() -> consumer.withKey(cart).size() == 1);
        // several sweeps later, still one
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> consumer.withKey(cart).size() == 1);

        var envelope = events.read(consumer.withKey(cart).getFirst().value());
        var abandoned = events.data(envelope, CartAbandoned.class);
        assertThat(envelope.type()).isEqualTo(CartEvents.CART_ABANDONED);
        assertThat(envelope.subject()).isEqualTo(cart);
        assertThat(abandoned.customerId()).isEqualTo(ada);
        assertThat(abandoned.lines()).singleElement().satisfies(line -> {
            assertThat(line.productId()).isEqualTo(mug);
            assertThat(line.sku()).isEqualTo("MUG-201");
            assertThat(line.quantity()).isEqualTo(2);
            assertThat(line.unitPrice().amount()).isEqualByComparingTo("19.99");
        });

        add(ada, mug, 1);

        await().atMost(Duration.ofSeconds(20)).until(() -> consumer.withKey(cart).size() == 2);
        var again = events.data(events.read(consumer.withKey(cart).get(1).value()), CartAbandoned.class);
        assertThat(again.lines().getFirst().quantity()).isEqualTo(3);
    }

    @Test
    void doesNotReportAnEmptyCustomerCart() {
        UUID bob = UUID.randomUUID();
        UUID pen = catalog.add("OFF-201", "Pen", "2.00");
        add(bob, pen, 1);
        client.delete().uri("/api/cart").header(HttpHeaders.AUTHORIZATION, bearer(bob)).exchange()
                .expectStatus().isNoContent();
        String cart = cartOf(bob).toString();

        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(8))
                .until(() -> consumer.withKey(cart).isEmpty());
        assertThat(jdbc.sql("select abandoned_at is null from cart where id = ?::uuid").param(cart)
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void deletesGuestCartsLeftUnchangedAndReportsNone() {
        UUID lamp = catalog.add("HOM-201", "Lamp", "30.00");
        var result = client.post().uri("/api/cart/items").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("productId", lamp, "quantity", 1)).exchange()
                .expectStatus().isOk().returnResult(String.class);
        String token = result.getResponseHeaders().getFirst("X-Cart-Token");
        UUID cart = jdbc.sql("select cart_id from cart_line where product_id = ?").param(lamp).query(UUID.class).single();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                client.get().uri("/api/cart").header("X-Cart-Token", token).exchange().expectStatus().isNotFound());

        assertThat(jdbc.sql("select count(*) from cart_line where cart_id = ?").param(cart).query(Long.class).single())
                .isZero();
        assertThat(consumer.withKey(cart.toString())).isEmpty();
    }

    private void add(UUID customer, UUID product, int quantity) {
        client.post().uri("/api/cart/items").header(HttpHeaders.AUTHORIZATION, bearer(customer))
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("productId", product, "quantity", quantity))
                .exchange().expectStatus().isOk();
    }

    private UUID cartOf(UUID customer) {
        return jdbc.sql("select id from cart where customer_id = ?").param(customer).query(UUID.class).single();
    }

    private static String bearer(UUID customer) {
        return "Bearer " + TestTokens.customer(customer, customer + "@example.com");
    }
}
