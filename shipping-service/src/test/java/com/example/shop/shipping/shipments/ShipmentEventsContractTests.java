package com.example.shop.shipping.shipments;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.example.shop.contracts.shipment.ShipmentEvents;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The events shipping-service publishes match the samples in {@code platform/shipment-events}, which is what
 * the consumers test against. The shipment here carries the samples' own ids, tracking number and times, so
 * only the envelope's event id and time are left out of the comparison.
 */
class ShipmentEventsContractTests {

    /** Serialises the data the way the outbox does: Boot's JsonMapper with its defaults. */
    private static final JsonMapper json = JsonMapper.builder().build();

    private static final ShipmentId SHIPMENT = new ShipmentId(UUID.fromString("7d8e9f0a-1b2c-4d3e-8f4a-5b6c7d8e9f0a"));
    private static final OrderId ORDER = new OrderId(UUID.fromString("5f2b7c1e-3a4d-4e6f-8a9b-0c1d2e3f4a5b"));
    private static final Instant LABEL_AT = Instant.parse("2026-11-22T10:59:58Z");

    private static final Label LABEL = new Label("lbl_1", "PARCELCO", "STANDARD", "PC123456789NL",
            "http://localhost:8091/track/PC123456789NL", new Money(new BigDecimal("4.95"), "EUR"), LABEL_AT);

    private static final Shipment SHIPPED = new Shipment(SHIPMENT, ORDER, null, 1200,
            new Address("Ada Lovelace", "Damrak 1", "Amsterdam", "1012 AB", "NL"), ShipmentStatus.LABEL_CREATED,
            "PARCELCO", "STANDARD", LABEL.price(), "PC123456789NL", LABEL.trackingUrl(), null, LABEL_AT, LABEL_AT,
            LABEL_AT, null, null);

    private static JsonNode sample(String type) throws IOException {
        try (InputStream in = ShipmentEventsContractTests.class.getResourceAsStream(
                "/contracts/" + ShipmentEvents.TOPIC + "/" + type + ".json")) {
            return withoutEventIdAndTime(json.readTree(in));
        }
    }

    /** An envelope as {@code Outbox.publish(ShipmentEvents.TOPIC, orderId, type, data)} writes it. */
    private static JsonNode published(String type, Object data) {
        ObjectNode envelope = json.createObjectNode();
        envelope.put("id", UUID.randomUUID().toString());
        envelope.put("type", type);
        envelope.put("source", "shipping-service");
        envelope.put("time", Instant.now().toString());
        envelope.put("subject", ORDER.toString());
        envelope.set("data", json.valueToTree(data));
        return withoutEventIdAndTime(envelope);
    }

    private static JsonNode withoutEventIdAndTime(JsonNode node) {
        ((ObjectNode) node).remove("id");
        ((ObjectNode) node).remove("time");
        return node;
    }

    @Test
    void publishesLabelCreatedAsTheContractSampleShowsIt() throws IOException {
        JsonNode published = published(ShipmentEvents.SHIPMENT_LABEL_CREATED,
                ShipmentEventsTranslator.labelCreated(SHIPPED, LABEL));

        assertThat(published).isEqualTo(sample(ShipmentEvents.SHIPMENT_LABEL_CREATED));
    }

    @Test
    void publishesTrackingUpdatedAsTheContractSampleShowsIt() throws IOException {
        var event = new TrackingEvent("IN_TRANSIT", "Utrecht hub", Instant.parse("2026-11-22T18:00:00Z"));

        JsonNode published = published(ShipmentEvents.SHIPMENT_TRACKING_UPDATED,
                ShipmentEventsTranslator.trackingUpdated(SHIPPED, event));

        assertThat(published).isEqualTo(sample(ShipmentEvents.SHIPMENT_TRACKING_UPDATED));
    }

    @Test
    void publishesDeliveredAsTheContractSampleShowsIt() throws IOException {
        var delivery = new TrackingEvent("DELIVERED", "Amsterdam", Instant.parse("2026-11-23T09:30:00Z"));

        JsonNode published = published(ShipmentEvents.SHIPMENT_DELIVERED,
                ShipmentEventsTranslator.delivered(SHIPPED, delivery));

        assertThat(published).isEqualTo(sample(ShipmentEvents.SHIPMENT_DELIVERED));
    }
}
