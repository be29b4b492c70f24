package com.example.shop.order.ordering;

import static com.example.shop.order.ordering.LifecycleFixture.returnOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.example.shop.contracts.customer.CustomerEvents;
import com.example.shop.order.ordering.LifecycleFixture.Response;
import com.example.shop.order.ordering.LifecycleFixture.Shopper;
import com.example.shop.platform.testsupport.SampleEvents;
import com.example.shop.platform.testsupport.TestKafka;
import com.example.shop.platform.testsupport.TestPostgres;
import com.example.shop.platform.testsupport.TestTokens;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The personal data of orders: the export for customer-service ({@code GET /internal/customers/{id}/personal-data})
 * and the anonymisation on {@code customer.deleted.v1}, with a real PostgreSQL and Kafka; the other services are
 * stubbed ({@link StubDownstreams}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "shop.messaging.relay.poll-interval=100ms",
        "shop.order.recovery.interval=300ms",
        "shop.clients.read-timeout=5s",
        "shop.clients.retry-backoff=50ms" })
class PersonalDataIntegrationTests {

    private static final StubDownstreams downstreams = new StubDownstreams();
    private static KafkaProducer<String, String> customerEvents;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestPostgres.register(registry, "orders_personal_data_test");
        TestKafka.register(registry);
        TestTokens.register(registry);
        registry.add("shop.clients.cart-url", downstreams::url);
        registry.add("shop.clients.catalog-url", downstreams::url);
        registry.add("shop.clients.payment-url", downstreams::url);
        registry.add("shop.clients.shipping-url", downstreams::url);
        registry.add("shop.clients.loyalty-url", downstreams::url);
    }

    @BeforeAll
    static void connect() {
        customerEvents = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
    }

    @AfterAll
    static void stop() {
        customerEvents.close();
        downstreams.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private LifecycleFixture api;
    private Shopper ada;

    @BeforeEach
    void fixture() {
        api = new LifecycleFixture(downstreams, port);
        ada = Shopper.create();
    }

    private Response export(Object customerId) {
        return api.send("GET", "/internal/customers/" + customerId + "/personal-data", null, null, Map.of());
    }

    /** A delivered order with one returned mug (reason "Too small"), and a confirmed one redeeming points. */
    private List<UUID> ordersOf(Shopper shopper) {
        UUID delivered = api.confirmedOrder(shopper);
        api.ship(delivered);
        api.deliver(delivered);
        assertThat(api.requestReturn(shopper, delivered, returnOf(1, 1)).status()).isEqualTo(201);
        UUID confirmed = api.confirmedOrder(shopper, "NL", LifecycleFixture.twoLines(), 500);
        return List.of(delivered, confirmed);
    }

    private ObjectNode deleted(Shopper shopper) {
        ObjectNode event = SampleEvents.load(CustomerEvents.TOPIC, CustomerEvents.CUSTOMER_DELETED,
                shopper.id().toString());
        SampleEvents.data(event).put("customerId", shopper.id().toString());
        return event;
    }

    private void publish(Shopper shopper, ObjectNode event) {
        customerEvents.send(new ProducerRecord<>(CustomerEvents.TOPIC, shopper.id().toString(),
                SampleEvents.toJson(event)));
        customerEvents.flush();
    }

    private boolean processed(ObjectNode event) {
        return jdbc.sql("select count(*) from inbox_event where event_id = ?")
                .param(UUID.fromString(event.get("id").asString())).query(Long.class).single() == 1;
    }

    @Test
    void exportsEveryOrderOfTheCustomerWithAddressesReturnsAndHistoryWithoutAToken() {
        List<UUID> placed = ordersOf(ada);
        api.confirmedOrder(Shopper.create());

        Response export = export(ada.id());

        assertThat(export.status()).isEqualTo(200);
        assertThat(export.body().get("service").asString()).isEqualTo("order-service");
        JsonNode exported = export.body().get("data").get("orders");
        assertThat(exported.valueStream().map(order -> order.get("id").asString()).toList())
                .containsExactlyInAnyOrder(placed.get(0).toString(), placed.get(1).toString());
        for (JsonNode order : exported) {
            assertThat(order.get("customerId").asString()).isEqualTo(ada.id().toString());
            assertThat(order.get("customerEmail").asString()).isEqualTo(ada.email());
            assertThat(order.get("shippingAddress").get("name").asString()).isEqualTo("Ada");
            assertThat(order.get("shippingAddress").get("line1").asString()).isEqualTo("1 Main Street");
            assertThat(order.get("history").size()).isGreaterThanOrEqualTo(2);
            assertThat(order.get("items").size()).isEqualTo(2);
            assertThat(order.has("paymentToken")).isFalse();
        }
        JsonNode delivered = exported.valueStream()
                .filter(order -> order.get("id").asString().equals(placed.get(0).toString())).findFirst().orElseThrow();
        assertThat(delivered.get("returns").get(0).get("reason").asString()).isEqualTo("Too small");
        assertThat(delivered.get("shipment").get("trackingNumber").asString()).startsWith("PC");
    }

    @Test
    void exportsNothingForACustomerWithoutOrdersAndRefusesAnIdThatIsNotAUuid() {
        Response unknown = export(UUID.randomUUID());
        Response bad = export("not-a-uuid");

        assertThat(unknown.status()).isEqualTo(200);
        assertThat(unknown.body().get("data").get("orders").isEmpty()).isTrue();
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aDeletedCustomersOrdersLoseTheirPersonalDataButKeepTheirAmountsAndHistory() {
        List<UUID> placed = ordersOf(ada);
        Shopper bob = Shopper.create();
        UUID bobs = api.confirmedOrder(bob);
        JsonNode before = api.adminView(placed.get(1)).body();

        publish(ada, deleted(ada));

        await().atMost(Duration.ofSeconds(20)).until(() -> api.adminView(placed.get(0)).body()
                .get("shippingAddress").get("name").asString().equals("anonymised"));
        for (UUID orderId : placed) {
            JsonNode order = api.adminView(orderId).body();
            assertThat(order.get("customerEmail").isNull()).isTrue();
            assertThat(order.get("customerId").asString()).isEqualTo(ada.id().toString());
            JsonNode address = order.get("shippingAddress");
            assertThat(List.of(address.get("name").asString(), address.get("line1").asString(),
                    address.get("city").asString(), address.get("postalCode").asString()))
                    .containsOnly("anonymised");
            assertThat(address.get("country").asString()).isEqualTo("NL");
            assertThat(order.get("history").valueStream().map(change -> change.get("cause").asString()).toList())
                    .containsOnlyOnce("ANONYMISED").last().isEqualTo("ANONYMISED");
            assertThat(jdbc.sql("select payment_token from orders where id = ?").param(orderId).query(String.class)
                    .optional()).isEmpty();
        }
        JsonNode after = api.adminView(placed.get(1)).body();
        for (String kept : List.of("status", "total", "discount", "amountDue", "pointsRedeemed", "items", "createdAt")) {
            assertThat(after.get(kept)).as(kept).isEqualTo(before.get(kept));
        }
        assertThat(api.adminView(placed.get(0)).body().get("returns").get(0).get("reason").isNull()).isTrue();
        assertThat(api.adminView(placed.get(0)).status("status")).isEqualTo("DELIVERED");
        assertThat(api.adminView(bobs).body().get("customerEmail").asString()).isEqualTo(bob.email());
        assertThat(api.adminView(bobs).body().get("shippingAddress").get("name").asString()).isEqualTo("Ada");
        assertThat(export(ada.id()).body().get("data").get("orders").valueStream()
                .map(order -> order.get("shippingAddress").get("line1").asString()).toList())
                .containsOnly("anonymised");
    }

    @Test
    void aDeletionDeliveredAgainOrSentTwiceChangesNothingMore() {
        List<UUID> placed = ordersOf(ada);
        ObjectNode first = deleted(ada);
        publish(ada, first);
        await().atMost(Duration.ofSeconds(20)).until(() -> processed(first));

        ObjectNode second = deleted(ada);
        publish(ada, first);
        publish(ada, second);
        await().atMost(Duration.ofSeconds(20)).until(() -> processed(second));

        for (UUID orderId : placed) {
            assertThat(api.adminView(orderId).historyCauses()).containsOnlyOnce("ANONYMISED");
        }
        assertThat(jdbc.sql("select count(*) from inbox_event where event_id = ?")
                .param(UUID.fromString(first.get("id").asString())).query(Long.class).single()).isEqualTo(1);
    }
}
