package com.example.shop.loyalty.points;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.example.shop.contracts.loyalty.LoyaltyEvents;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The events loyalty-service publishes match the samples in {@code platform/loyalty-events}, which is what
 * consumers test against. The entries here carry the samples' own ids and times, so only the envelope's event
 * id and time are left out of the comparison.
 */
class LoyaltyEventsContractTests {

    /** Serialises the data the way the outbox does: Boot's JsonMapper with its defaults. */
    private static final JsonMapper json = JsonMapper.builder().build();

    private static final CustomerId CUSTOMER = new CustomerId(UUID.fromString("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"));
    private static final OrderId ORDER = new OrderId(UUID.fromString("5f2b7c1e-3a4d-4e6f-8a9b-0c1d2e3f4a5b"));

    private static JsonNode sample(String type) throws IOException {
        try (InputStream in = LoyaltyEventsContractTests.class.getResourceAsStream(
                "/contracts/" + LoyaltyEvents.TOPIC + "/" + type + ".json")) {
            return withoutEventIdAndTime(json.readTree(in));
        }
    }

    /** An envelope as {@code Outbox.publish(LoyaltyEvents.TOPIC, customerId, type, data)} writes it. */
    private static JsonNode published(String type, Object data) {
        ObjectNode envelope = json.createObjectNode();
        envelope.put("id", UUID.randomUUID().toString());
        envelope.put("type", type);
        envelope.put("source", "loyalty-service");
        envelope.put("time", Instant.now().toString());
        envelope.put("subject", CUSTOMER.toString());
        envelope.set("data", json.valueToTree(data));
        // Through text, as consumers get it: numbers compare by value, not by the Java type that wrote them.
        return withoutEventIdAndTime(json.readTree(json.writeValueAsString(envelope)));
    }

    private static JsonNode withoutEventIdAndTime(JsonNode node) {
        ((ObjectNode) node).remove("id");
        ((ObjectNode) node).remove("time");
        return node;
    }

    private static LedgerEntry entry(String id, EntryKind kind, long points, long balance, OrderId order, String source,
            String at) {
        return new LedgerEntry(UUID.fromString(id), CUSTOMER, kind, points, balance, order,
                source == null ? null : UUID.fromString(source), "TEST", Instant.parse(at), null, null);
    }

    @Test
    void publishesPointsEarnedAsTheContractSampleShowsIt() throws IOException {
        var earned = entry("77777777-8888-4999-8aaa-bbbbbbbbbbbb", EntryKind.EARNED, 59, 159, ORDER,
                "0b5d8c8e-7f6a-4f3e-9a51-3d2c1b0a9f8e", "2026-11-22T10:15:31Z");

        assertThat(published(LoyaltyEvents.POINTS_EARNED, LoyaltyEventsTranslator.pointsMoved(earned)))
                .isEqualTo(sample(LoyaltyEvents.POINTS_EARNED));
    }

    @Test
    void publishesPointsRedeemedAsTheContractSampleShowsIt() throws IOException {
        var redeemed = entry("aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee", EntryKind.REDEEMED, -100, 100, ORDER,
                "0b5d8c8e-7f6a-4f3e-9a51-3d2c1b0a9f8e", "2026-11-22T10:15:31Z");

        assertThat(published(LoyaltyEvents.POINTS_REDEEMED, LoyaltyEventsTranslator.pointsMoved(redeemed)))
                .isEqualTo(sample(LoyaltyEvents.POINTS_REDEEMED));
    }

    @Test
    void publishesPointsRestoredAsTheContractSampleShowsIt() throws IOException {
        var restored = entry("cccccccc-dddd-4eee-8fff-000000000000", EntryKind.RESTORED, 100, 200, ORDER,
                "1d2e3f4a-5b6c-4d7e-8f9a-0b1c2d3e4f5a", "2026-11-22T10:20:01Z");

        assertThat(published(LoyaltyEvents.POINTS_RESTORED, LoyaltyEventsTranslator.pointsMoved(restored)))
                .isEqualTo(sample(LoyaltyEvents.POINTS_RESTORED));
    }

    @Test
    void publishesPointsReversedAsTheContractSampleShowsIt() throws IOException {
        var reversed = entry("eeeeeeee-ffff-4000-8111-222222222222", EntryKind.REVERSED, -19, 140, ORDER,
                "6c7d8e9f-0a1b-4c2d-9e4f-5a6b7c8d9e0f", "2026-11-27T14:05:02Z");

        assertThat(published(LoyaltyEvents.POINTS_REVERSED, LoyaltyEventsTranslator.pointsMoved(reversed)))
                .isEqualTo(sample(LoyaltyEvents.POINTS_REVERSED));
    }

    @Test
    void publishesPointsExpiredWithoutOrderOrSourceAsTheContractSampleShowsIt() throws IOException {
        var expired = entry("00000000-1111-4222-8333-444444444444", EntryKind.EXPIRED, -40, 0, null, null,
                "2027-11-22T00:00:00Z");

        assertThat(published(LoyaltyEvents.POINTS_EXPIRED, LoyaltyEventsTranslator.pointsMoved(expired)))
                .isEqualTo(sample(LoyaltyEvents.POINTS_EXPIRED));
    }

    @Test
    void publishesTierChangedAsTheContractSampleShowsIt() throws IOException {
        var changed = LoyaltyEventsTranslator.tierChanged(CUSTOMER, Tier.BRONZE, Tier.SILVER, 540,
                Instant.parse("2026-11-22T10:15:31Z"));

        assertThat(published(LoyaltyEvents.TIER_CHANGED, changed)).isEqualTo(sample(LoyaltyEvents.TIER_CHANGED));
    }
}
