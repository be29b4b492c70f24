package com.example.shop.platform.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A producer's checked-in sample events (the {@code contracts/<topic>/<type>.json} files of its contract
 * module), for consumers' tests: each test takes the sample, gives it a fresh event id and its own
 * aggregate, changes what it needs, and sends it to the real broker. So consumers are tested against exactly
 * what the producer's contract test compares its output with.
 */
public final class SampleEvents {

    private static final JsonMapper json = JsonMapper.builder().build();

    private SampleEvents() {
    }

    /**
     * Loads {@code contracts/<topic>/<type>.json} from the classpath with a fresh envelope id and the given
     * subject (the aggregate id, also the Kafka key).
     */
    public static ObjectNode load(String topic, String type, String subject) {
        String resource = "/contracts/" + topic + "/" + type + ".json";
        try (InputStream in = SampleEvents.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample event " + resource + " on the classpath");
            }
            ObjectNode event = (ObjectNode) json.readTree(in);
            event.put("id", UUID.randomUUID().toString());
            event.put("subject", subject);
            return event;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The event's data, to change before sending. */
    public static ObjectNode data(ObjectNode event) {
        return (ObjectNode) event.get("data");
    }

    /** The wire form of the event. */
    public static String toJson(ObjectNode event) {
        return json.writeValueAsString(event);
    }
}
