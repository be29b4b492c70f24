package com.example.shop.customer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The producer side of the event contracts: an envelope as {@code Outbox.publish} writes it, compared with the
 * checked-in sample of {@code platform/customer-events} without the envelope's id and time.
 */
public final class ContractSamples {

    /** Serialises the data the way the outbox does: Boot's JsonMapper with its defaults. */
    private static final JsonMapper json = JsonMapper.builder().build();

    private ContractSamples() {
    }

    public static JsonNode sample(String topic, String type) {
        try (InputStream in = ContractSamples.class.getResourceAsStream("/contracts/" + topic + "/" + type + ".json")) {
            return withoutIdAndTime(json.readTree(in));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    public static JsonNode published(String type, String key, Object data) {
        ObjectNode envelope = json.createObjectNode();
        envelope.put("id", UUID.randomUUID().toString());
        envelope.put("type", type);
        envelope.put("source", "customer-service");
        envelope.put("time", Instant.now().toString());
        envelope.put("subject", key);
        envelope.set("data", json.valueToTree(data));
        return withoutIdAndTime(envelope);
    }

    private static JsonNode withoutIdAndTime(JsonNode node) {
        ((ObjectNode) node).remove(List.of("id", "time"));
        return node;
    }
}
