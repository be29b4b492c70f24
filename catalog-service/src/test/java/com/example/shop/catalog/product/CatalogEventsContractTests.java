package com.example.shop.catalog.product;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.example.shop.contracts.catalog.CatalogEvents;
import com.example.shop.contracts.catalog.Money;
import com.example.shop.contracts.catalog.ProductArchived;
import com.example.shop.contracts.catalog.ProductPriceChanged;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The events catalog-service publishes match the checked-in samples in {@code contracts/catalog-events/},
 * which consumers test against. The envelope's own id and time differ by nature and are left out.
 */
class CatalogEventsContractTests {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final UUID MUG = UUID.fromString("1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f");

    @Test
    void publishesPriceChangedAsTheSampleShowsIt() throws IOException {
        var data = new ProductPriceChanged(MUG, MUG, "MUG-001", eur("19.99"), eur("14.99"),
                Instant.parse("2026-11-20T00:00:00Z"), Instant.parse("2026-12-01T00:00:00Z"), eur("14.99"),
                Instant.parse("2026-11-22T10:15:30Z"));

        assertThat(published(CatalogEvents.PRICE_CHANGED, data)).isEqualTo(sample(CatalogEvents.PRICE_CHANGED));
    }

    @Test
    void publishesArchivedAsTheSampleShowsIt() throws IOException {
        var data = new ProductArchived(MUG, List.of(MUG), Instant.parse("2026-11-22T10:20:00Z"));

        assertThat(published(CatalogEvents.PRODUCT_ARCHIVED, data)).isEqualTo(sample(CatalogEvents.PRODUCT_ARCHIVED));
    }

    @Test
    void readsTheSampleBackIntoTheRecord() throws IOException {
        JsonNode data = json.readTree(resource(CatalogEvents.PRICE_CHANGED)).get("data");

        var event = json.treeToValue(data, ProductPriceChanged.class);

        assertThat(event.sku()).isEqualTo("MUG-001");
        assertThat(event.effectivePrice()).isEqualTo(eur("14.99"));
    }

    private static JsonNode published(String type, Object data) {
        ObjectNode envelope = json.createObjectNode();
        envelope.put("type", type);
        envelope.put("source", "catalog-service");
        envelope.put("subject", MUG.toString());
        envelope.set("data", json.valueToTree(data));
        return envelope;
    }

    private static JsonNode sample(String type) throws IOException {
        ObjectNode sample = (ObjectNode) json.readTree(resource(type));
        sample.remove("id");
        sample.remove("time");
        return sample;
    }

    private static InputStream resource(String type) {
        InputStream in = CatalogEventsContractTests.class.getResourceAsStream("/contracts/catalog-events/" + type + ".json");
        assertThat(in).as(type).isNotNull();
        return in;
    }

    private static Money eur(String amount) {
        return new Money(new BigDecimal(amount), "EUR");
    }
}
