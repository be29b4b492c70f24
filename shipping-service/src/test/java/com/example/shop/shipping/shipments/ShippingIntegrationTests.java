package com.example.shop.shipping.shipments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.example.shop.contracts.shipment.ShipmentEvents;
import com.example.shop.platform.messaging.EventEnvelope;
import com.example.shop.platform.messaging.Events;
import com.example.shop.platform.testsupport.TestKafka;
import com.example.shop.platform.testsupport.TestPostgres;
import com.example.shop.platform.testsupport.TestTokens;
import com.example.shop.platform.testsupport.TopicRecorder;
import com.example.shop.shipping.CarrierSimulator;
import com.example.shop.shipping.ShippingApi;
import com.example.shop.shipping.ShippingApi.Response;

/**
 * Labels and tracking through the real HTTP API, with a real PostgreSQL, a real Kafka broker and the real
 * carrier-simulator in this JVM. Parcels move only when a test advances them (transit time one day).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "shop.messaging.relay.poll-interval=100ms",
        "shop.shipping.tracking.interval=200ms",
        "shop.carrier.read-timeout=2s",
        "resilience4j.circuitbreaker.instances.carrier.minimum-number-of-calls=1000",
        "resilience4j.circuitbreaker.instances.carrier.sliding-window-size=1000"})
class ShippingIntegrationTests {

    private static CarrierSimulator carrier;
    private static TopicRecorder events;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestPostgres.register(registry, "shipping");
        TestKafka.register(registry);
        TestTokens.register(registry);
        carrier = CarrierSimulator.start("carrier.transit-time=24h");
        registry.add("shop.carrier.url", carrier::url);
    }

    @BeforeAll
    static void recordShipmentEvents() {
        events = new TopicRecorder(ShipmentEvents.TOPIC);
    }

    @AfterAll
    static void stop() {
        events.close();
        carrier.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    Events wire;

    ShippingApi api;

    @BeforeEach
    void client() {
        api = new ShippingApi(port);
    }

    private List<EventEnvelope> eventsOf(UUID orderId) {
        return events.valuesWithKey(orderId.toString()).stream().map(wire::read).toList();
    }

    private List<EventEnvelope> eventsOf(UUID orderId, String type) {
        return eventsOf(orderId).stream().filter(event -> event.type().equals(type)).toList();
    }

    @Test
    void quotesEveryServiceCheapestFirst() {
        Response response = api.quotes("""
                {"weightGrams": 1200, "destination": {"country": "DE", "postalCode": "10115"}}""");

        assertThat(response.status()).isEqualTo(200);
        var quotes = response.json().path("quotes");
        assertThat(quotes.valueStream().map(quote -> quote.path("carrier").asString() + " " + quote.path("service").asString()))
                .containsExactly("SWIFTPOST ECONOMY", "PARCELCO STANDARD", "PARCELCO EXPRESS");
        assertThat(quotes.get(0).path("price").path("amount").asString()).isEqualTo("8.45");
        assertThat(quotes.get(0).path("price").path("currency").asString()).isEqualTo("EUR");
        assertThat(quotes.get(0).path("estimatedDays").asInt()).isEqualTo(5);
    }

    @Test
    void answersAQuoteForADestinationNoCarrierServesWith422() {
        Response response = api.quotes("""
                {"weightGrams": 1200, "destination": {"country": "KP", "postalCode": "12345"}}""");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.text("detail")).contains("ADDRESS.COUNTRY.UNSUPPORTED");
    }

    @Test
    void buysTheCheapestLabelAndPublishesLabelCreatedOnce() {
        UUID orderId = UUID.randomUUID();

        Response response = api.ship(orderId, 1200);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.text("orderId")).isEqualTo(orderId.toString());
        assertThat(response.text("carrier")).isEqualTo("PARCELCO");
        assertThat(response.text("service")).isEqualTo("STANDARD");
        assertThat(response.text("trackingNumber")).matches("PC[0-9]{9}NL");
        assertThat(response.text("trackingUrl")).endsWith("/track/" + response.text("trackingNumber"));
        assertThat(response.text("status")).isEqualTo("LABEL_CREATED");
        assertThat(response.json().path("price").path("amount").asString()).isEqualTo("4.95");
        assertThat(response.json().has("events")).isFalse();
        assertThat(carrier.labelsOf(orderId)).singleElement()
                .satisfies(label -> assertThat(label.trackingNumber()).isEqualTo(response.text("trackingNumber")));

        await().atMost(Duration.ofSeconds(10)).until(() -> !eventsOf(orderId, ShipmentEvents.SHIPMENT_LABEL_CREATED).isEmpty());
        EventEnvelope created = eventsOf(orderId, ShipmentEvents.SHIPMENT_LABEL_CREATED).getFirst();
        assertThat(created.subject()).isEqualTo(orderId.toString());
        assertThat(created.source()).isEqualTo("shipping-service");
        assertThat(created.data().path("shipmentId").asString()).isEqualTo(response.text("shipmentId"));
        assertThat(created.data().path("trackingNumber").asString()).isEqualTo(response.text("trackingNumber"));
        assertThat(api.ship(orderId, 1200).text("shipmentId")).isEqualTo(response.text("shipmentId"));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> eventsOf(orderId, ShipmentEvents.SHIPMENT_LABEL_CREATED).size() == 1);
    }

    @Test
    void buysOneLabelForConcurrentAndRepeatedRequestsOfAnOrder() throws Exception {
        UUID orderId = UUID.randomUUID();
        int callers = 8;
        var start = new CountDownLatch(1);
        List<Future<Response>> responses = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(callers)) {
            for (int i = 0; i < callers; i++) {
                Callable<Response> call = () -> {
                    start.await();
                    return api.ship(orderId, 2500);
                };
                responses.add(pool.submit(call));
            }
            start.countDown();
            List<String> trackingNumbers = new ArrayList<>();
            for (var response : responses) {
                assertThat(response.get().status()).isEqualTo(200);
                trackingNumbers.add(response.get().text("trackingNumber"));
            }
            assertThat(trackingNumbers).hasSize(callers).containsOnly(trackingNumbers.getFirst());
        }
        Response again = api.ship(orderId, 2500);

        assertThat(again.text("trackingNumber")).isEqualTo(responses.getFirst().get().text("trackingNumber"));
        assertThat(carrier.labelsOf(orderId)).hasSize(1);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(10))
                .until(() -> eventsOf(orderId, ShipmentEvents.SHIPMENT_LABEL_CREATED).size() == 1);
    }

    @Test
    void publishesEveryTrackingEventOnceAndTheDeliveryOnce() {
        UUID orderId = UUID.randomUUID();
        String trackingNumber = api.ship(orderId, 1200).text("trackingNumber");
        List<String> steps = List.of("PICKED_UP", "IN_TRANSIT", "OUT_FOR_DELIVERY", "DELIVERED");

        await().atMost(Duration.ofSeconds(10))
                .until(() -> eventsOf(orderId, ShipmentEvents.SHIPMENT_TRACKING_UPDATED).size() == 1);
        for (int step = 0; step < steps.size(); step++) {
            carrier.advance(trackingNumber);
            int seen = step + 2;
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> eventsOf(orderId, ShipmentEvents.SHIPMENT_TRACKING_UPDATED).size() >= seen);
        }
        await().atMost(Duration.ofSeconds(10))
                .until(() -> eventsOf(orderId, ShipmentEvents.SHIPMENT_DELIVERED).size() == 1);
        // several more rounds of the poller: nothing is published again
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> eventsOf(orderId).size() == 1 + 5 + 1);

        assertThat(eventsOf(orderId, ShipmentEvents.SHIPMENT_TRACKING_UPDATED))
                .extracting(event -> event.data().path("status").asString())
                .containsExactly("LABEL_CREATED", "PICKED_UP", "IN_TRANSIT", "OUT_FOR_DELIVERY", "DELIVERED");
        EventEnvelope delivered = eventsOf(orderId, ShipmentEvents.SHIPMENT_DELIVERED).getFirst();
        assertThat(delivered.data().path("trackingNumber").asString()).isEqualTo(trackingNumber);
        assertThat(delivered.data().path("deliveredAt").asString()).isNotBlank();
        assertThat(eventsOf(orderId).getLast().type()).isEqualTo(ShipmentEvents.SHIPMENT_DELIVERED);

        Response shipment = api.get("/internal/shipments/" + orderId);
        assertThat(shipment.text("status")).isEqualTo("DELIVERED");
        assertThat(shipment.json().path("events").valueStream().map(event -> event.path("status").asString()))
                .containsExactly("LABEL_CREATED", "PICKED_UP", "IN_TRANSIT", "OUT_FOR_DELIVERY", "DELIVERED");
        assertThat(shipment.json().path("events").get(4).path("location").asString()).isEqualTo("Amsterdam");
        assertThat(shipment.json().path("events").get(4).path("occurredAt").asString())
                .isEqualTo(delivered.data().path("deliveredAt").asString());
    }

    @Test
    void answersAnAddressTheCarrierCannotServeWith422AndBuysNothing() {
        UUID orderId = UUID.randomUUID();

        Response response = api.ship(orderId, 1200, "KP", "12345");
        Response again = api.ship(orderId, 1200, "KP", "12345");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.text("detail")).contains("ADDRESS.COUNTRY.UNSUPPORTED");
        assertThat(again.status()).isEqualTo(422);
        assertThat(carrier.labelsOf(orderId)).isEmpty();
        assertThat(api.get("/internal/shipments/" + orderId).text("status")).isEqualTo("REJECTED");
    }

    @Test
    void buysTheLabelWhenARejectedShipmentIsAskedForWithACorrectedAddress() {
        UUID orderId = UUID.randomUUID();
        api.ship(orderId, 1200, "NL", "not a postal code");

        Response corrected = api.ship(orderId, 1200, "NL", "1012 AB");

        assertThat(corrected.status()).isEqualTo(200);
        assertThat(corrected.text("status")).isEqualTo("LABEL_CREATED");
        assertThat(carrier.labelsOf(orderId)).hasSize(1);
    }

    @Test
    void answersAnOrderWithoutShipmentWith404Problem() {
        Response response = api.get("/internal/shipments/" + UUID.randomUUID());

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void showsAdminsTheShipmentAndNobodyElse() {
        UUID orderId = UUID.randomUUID();
        api.ship(orderId, 1200);
        String path = "/api/admin/shipments/" + orderId;

        Response admin = api.get(path, TestTokens.admin());
        Response customer = api.get(path, TestTokens.customer(UUID.randomUUID(), "ada@example.com"));
        Response anonymous = api.get(path);

        assertThat(admin.status()).isEqualTo(200);
        assertThat(admin.text("orderId")).isEqualTo(orderId.toString());
        assertThat(admin.json().path("events").isArray()).isTrue();
        assertThat(customer.status()).isEqualTo(403);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
    }

    @Test
    void servesHealthProbesWithoutAToken() {
        assertThat(api.get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(api.get("/actuator/health/liveness").status()).isEqualTo(200);
    }
}
