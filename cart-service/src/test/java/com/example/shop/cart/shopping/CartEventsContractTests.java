package com.example.shop.cart.shopping;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.example.shop.contracts.cart.CartAbandoned;
import com.example.shop.contracts.cart.CartEvents;
import com.example.shop.contracts.cart.Money;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The events cart-service publishes match the checked-in samples in {@code contracts/cart-events/}, which
 * consumers test against. The envelope's own id and time differ by nature and are left out.
 */
class CartEventsContractTests {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final UUID CART = UUID.fromString("7e6d5c4b-3a29-4817-b6f5-e4d3c2b1a098");

    @Test
    void publishesCartAbandonedAsTheSampleShowsIt() throws IOException {
        var data = new CartAbandoned(CART, UUID.fromString("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"),
                List.of(new CartAbandoned.Line(UUID.fromString("1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f"), "MUG-001",
                        "Enamel mug", 2, new Money(new BigDecimal("19.99"), "EUR"))),
                Instant.parse("2026-11-22T10:00:00Z"), Instant.parse("2026-11-23T10:00:05Z"));

        ObjectNode published = json.createObjectNode();
        published.put("type", CartEvents.CART_ABANDONED);
        published.put("source", "cart-service");
        published.put("subject", CART.toString());
        published.set("data", json.valueToTree(data));

        assertThat((JsonNode) published).isEqualTo(sample());
    }

    @Test
    void readsTheSampleBackIntoTheRecord() throws IOException {
        var event = json.treeToValue(sample().get("data"), CartAbandoned.class);

        assertThat(event.cartId()).isEqualTo(CART);
        assertThat(event.lines()).singleElement().satisfies(line -> assertThat(line.sku()).isEqualTo("MUG-001"));
    }

    private static JsonNode sample() throws IOException {
        try (InputStream in = CartEventsContractTests.class.getResourceAsStream(
                "/contracts/cart-events/" + CartEvents.CART_ABANDONED + ".json")) {
            assertThat(in).isNotNull();
            ObjectNode sample = (ObjectNode) json.readTree(in);
            sample.remove("id");
            sample.remove("time");
            return sample;
        }
    }
}
