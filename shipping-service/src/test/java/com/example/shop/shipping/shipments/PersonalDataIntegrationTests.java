package com.example.shop.shipping.shipments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.example.shop.contracts.customer.CustomerEvents;
import com.example.shop.platform.testsupport.SampleEvents;
import com.example.shop.platform.testsupport.TestKafka;
import com.example.shop.platform.testsupport.TestPostgres;
import com.example.shop.platform.testsupport.TestTokens;
import com.example.shop.shipping.CarrierSimulator;
import com.example.shop.shipping.ShippingApi;
import com.example.shop.shipping.ShippingApi.Response;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The customer on a shipment, the personal-data export and the anonymisation on {@code customer.deleted.v1}, with
 * a real PostgreSQL, a real Kafka broker and the real carrier-simulator in this JVM.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "shop.shipping.tracking.interval=200ms",
        "resilience4j.circuitbreaker.instances.carrier.minimum-number-of-calls=1000",
        "resilience4j.circuitbreaker.instances.carrier.sliding-window-size=1000"})
class PersonalDataIntegrationTests {

    private static CarrierSimulator carrier;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestPostgres.register(registry, "shipping");
        TestKafka.register(registry);
        TestTokens.register(registry);
        carrier = CarrierSimulator.start("carrier.transit-time=24h");
        registry.add("shop.carrier.url", carrier::url);
    }

    @AfterAll
    static void stop() {
        carrier.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    JdbcClient jdbc;

    ShippingApi api;

    @BeforeEach
    void client() {
        api = new ShippingApi(port);
    }

    @Test
    void exportsTheCustomersShipmentsWithTheirAddresses() {
        UUID ada = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        Response shipped = ship(order, ada, "Ada Lovelace", "Damrak 1");
        ship(UUID.randomUUID(), UUID.randomUUID(), "Bob Builder", "Kalverstraat 2");

        Response export = api.get("/internal/customers/" + ada + "/personal-data");

        assertThat(export.status()).isEqualTo(200);
        assertThat(export.text("service")).isEqualTo("shipping-service");
        JsonNode shipments = export.json().path("data").path("shipments");
        assertThat(shipments.size()).isEqualTo(1);
        JsonNode shipment = shipments.get(0);
        assertThat(shipment.path("shipmentId").asString()).isEqualTo(shipped.text("shipmentId"));
        assertThat(shipment.path("orderId").asString()).isEqualTo(order.toString());
        assertThat(shipment.path("status").asString()).isEqualTo("LABEL_CREATED");
        assertThat(shipment.path("trackingNumber").asString()).isEqualTo(shipped.text("trackingNumber"));
        assertThat(shipment.path("address").path("name").asString()).isEqualTo("Ada Lovelace");
        assertThat(shipment.path("address").path("line1").asString()).isEqualTo("Damrak 1");
        assertThat(shipment.path("address").path("city").asString()).isEqualTo("Amsterdam");
        assertThat(shipment.path("address").path("postalCode").asString()).isEqualTo("1012 AB");
        assertThat(shipment.path("address").path("country").asString()).isEqualTo("NL");
        assertThat(shipment.path("createdAt").isMissingNode()).isFalse();
        assertThat(shipment.path("events").isArray()).isTrue();
        assertThat(shipment.has("anonymisedAt")).isFalse();
    }

    @Test
    void exportsAnEmptyListForACustomerWithoutShipments() {
        Response export = api.get("/internal/customers/" + UUID.randomUUID() + "/personal-data");

        assertThat(export.status()).isEqualTo(200);
        assertThat(export.text("service")).isEqualTo("shipping-service");
        assertThat(export.json().path("data").path("shipments").isArray()).isTrue();
        assertThat(export.json().path("data").path("shipments").size()).isZero();
    }

    @Test
    void answersACustomerIdThatIsNotAUuidWith400() {
        Response export = api.get("/internal/customers/not-a-uuid/personal-data");

        assertThat(export.status()).isEqualTo(400);
        assertThat(export.contentType()).startsWith("application/problem+json");
    }

    @Test
    void storesAShipmentWithoutACustomerAsBeforeAndLearnsTheCustomerFromARetryThatNamesIt() {
        UUID order = UUID.randomUUID();
        UUID ada = UUID.randomUUID();

        Response first = api.ship(order, 1200);
        assertThat(first.status()).isEqualTo(200);
        assertThat(customerOf(order)).isNull();

        Response retry = ship(order, ada, "Ada Lovelace", "Damrak 1");
        assertThat(retry.text("shipmentId")).isEqualTo(first.text("shipmentId"));
        assertThat(retry.text("trackingNumber")).isEqualTo(first.text("trackingNumber"));
        assertThat(customerOf(order)).isEqualTo(ada);

        ship(order, UUID.randomUUID(), "Ada Lovelace", "Damrak 1");
        assertThat(customerOf(order)).isEqualTo(ada);
    }

    @Test
    void anonymisesTheAddressesOfADeletedCustomersShipmentsAndKeepsTheirLabels() {
        UUID ada = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID bobs = UUID.randomUUID();
        String tracking = ship(first, ada, "Ada Lovelace", "Damrak 1").text("trackingNumber");
        ship(second, ada, "Ada Lovelace", "Prinsengracht 263");
        ship(bobs, bob, "Bob Builder", "Kalverstraat 2");

        kafka.send(CustomerEvents.TOPIC, ada.toString(), customerDeleted(UUID.randomUUID(), ada));
        await().atMost(Duration.ofSeconds(30)).until(() -> anonymised(first) && anonymised(second));

        for (UUID order : new UUID[] {first, second}) {
            var row = jdbc.sql("select recipient_name, address_line1, city, postal_code, country from shipment where order_id = ?")
                    .param(order).query().singleRow();
            assertThat(row.get("recipient_name")).isEqualTo("anonymised");
            assertThat(row.get("address_line1")).isEqualTo("anonymised");
            assertThat(row.get("city")).isEqualTo("Amsterdam");
            assertThat(row.get("postal_code")).isEqualTo("1012 AB");
            assertThat(row.get("country")).isEqualTo("NL");
        }
        Response shipment = api.get("/internal/shipments/" + first);
        assertThat(shipment.status()).isEqualTo(200);
        assertThat(shipment.text("trackingNumber")).isEqualTo(tracking);
        assertThat(shipment.text("status")).isEqualTo("LABEL_CREATED");
        JsonNode exported = api.get("/internal/customers/" + ada + "/personal-data").json().path("data").path("shipments");
        assertThat(exported.size()).isEqualTo(2);
        assertThat(exported.get(0).path("address").path("name").asString()).isEqualTo("anonymised");
        assertThat(exported.get(0).path("anonymisedAt").isMissingNode()).isFalse();
        assertThat(anonymised(bobs)).isFalse();
        assertThat(jdbc.sql("select recipient_name from shipment where order_id = ?").param(bobs).query(String.class)
                .single()).isEqualTo("Bob Builder");
    }

    @Test
    void changesNothingWhenTheDeletionIsDeliveredAgain() {
        UUID ada = UUID.randomUUID();
        UUID carol = UUID.randomUUID();
        UUID adas = UUID.randomUUID();
        UUID carols = UUID.randomUUID();
        ship(adas, ada, "Ada Lovelace", "Damrak 1");
        ship(carols, carol, "Carol Shaw", "Spui 3");
        UUID eventId = UUID.randomUUID();

        kafka.send(CustomerEvents.TOPIC, ada.toString(), customerDeleted(eventId, ada));
        await().atMost(Duration.ofSeconds(30)).until(() -> anonymised(adas));
        Timestamp anonymisedAt = anonymisedAt(adas);

        kafka.send(CustomerEvents.TOPIC, ada.toString(), customerDeleted(eventId, ada));
        // Same key, so the same partition: once carol's deletion is done, the duplicate before it was handled too.
        kafka.send(CustomerEvents.TOPIC, ada.toString(), customerDeleted(UUID.randomUUID(), carol));
        await().atMost(Duration.ofSeconds(30)).until(() -> anonymised(carols));

        assertThat(anonymisedAt(adas)).isEqualTo(anonymisedAt);
        assertThat(jdbc.sql("select count(*) from inbox_event where event_id = ?").param(eventId)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void ignoresOtherCustomerEvents() {
        UUID ada = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        UUID adas = UUID.randomUUID();
        UUID bobs = UUID.randomUUID();
        ship(adas, ada, "Ada Lovelace", "Damrak 1");
        ship(bobs, bob, "Bob Builder", "Kalverstraat 2");
        ObjectNode registered = SampleEvents.load(CustomerEvents.TOPIC, CustomerEvents.CUSTOMER_REGISTERED, ada.toString());
        SampleEvents.data(registered).put("customerId", ada.toString());

        kafka.send(CustomerEvents.TOPIC, ada.toString(), SampleEvents.toJson(registered));
        kafka.send(CustomerEvents.TOPIC, ada.toString(), customerDeleted(UUID.randomUUID(), bob));
        await().atMost(Duration.ofSeconds(30)).until(() -> anonymised(bobs));

        assertThat(anonymised(adas)).isFalse();
    }

    private Response ship(UUID order, UUID customer, String name, String line1) {
        Response response = api.post("/internal/shipments", """
                {"orderId":"%s","customerId":"%s","weightGrams":1200,
                 "address":{"name":"%s","line1":"%s","city":"Amsterdam","postalCode":"1012 AB","country":"NL"}}"""
                .formatted(order, customer, name, line1));
        assertThat(response.status()).isEqualTo(200);
        return response;
    }

    private UUID customerOf(UUID order) {
        return jdbc.sql("select customer_id from shipment where order_id = ?").param(order).query(UUID.class)
                .optional().orElse(null);
    }

    private boolean anonymised(UUID order) {
        return anonymisedAt(order) != null;
    }

    private Timestamp anonymisedAt(UUID order) {
        return jdbc.sql("select anonymised_at from shipment where order_id = ?").param(order)
                .query((rs, row) -> rs.getTimestamp("anonymised_at")).list().getFirst();
    }

    /** customer-service's checked-in sample, for this event id and customer. */
    private static String customerDeleted(UUID eventId, UUID customer) {
        ObjectNode event = SampleEvents.load(CustomerEvents.TOPIC, CustomerEvents.CUSTOMER_DELETED, customer.toString());
        event.put("id", eventId.toString());
        SampleEvents.data(event).put("customerId", customer.toString());
        return SampleEvents.toJson(event);
    }
}
