package com.example.shop.platform.messaging;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads envelopes and their data from the wire. Unknown fields are ignored so producers can add fields
 * without breaking consumers.
 */
public final class Events {

    private final JsonMapper json;

    public Events(JsonMapper json) {
        this.json = json.rebuild()
                .disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    /** Parses a message value; throws {@link MalformedEventException} when it is not an envelope. */
    public EventEnvelope read(String value) {
        try {
            EventEnvelope envelope = json.readValue(value, EventEnvelope.class);
            if (envelope.id() == null || envelope.type() == null || envelope.data() == null) {
                throw new MalformedEventException("envelope lacks id, type or data");
            }
            return envelope;
        }
        catch (JacksonException ex) {
            throw new MalformedEventException("not an event envelope: " + ex.getOriginalMessage());
        }
    }

    /** Maps the envelope's data to the consumer's own view of the event. */
    public <T> T data(EventEnvelope envelope, Class<T> type) {
        try {
            return json.treeToValue(envelope.data(), type);
        }
        catch (JacksonException ex) {
            throw new MalformedEventException(envelope.type() + " " + envelope.id() + ": " + ex.getOriginalMessage());
        }
    }

    String write(EventEnvelope envelope) {
        return json.writeValueAsString(envelope);
    }

    tools.jackson.databind.JsonNode tree(Object data) {
        return json.valueToTree(data);
    }

    /** A message that can never be processed, however often it is retried. */
    public static final class MalformedEventException extends RuntimeException {
        public MalformedEventException(String message) {
            super(message);
        }
    }
}
