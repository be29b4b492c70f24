package com.example.shop.platform.messaging;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes dead letters and redriven records: Strings as UTF-8, and byte arrays as they are, because a record
 * that could not be deserialized reaches the dead-letter topic as its raw bytes, and a redrive republishes
 * whatever bytes the dead-letter topic holds.
 */
final class StringOrBytesSerializer implements Serializer<Object> {

    @Override
    public byte[] serialize(String topic, Object data) {
        return switch (data) {
            case null -> null;
            case byte[] bytes -> bytes;
            case String text -> text.getBytes(StandardCharsets.UTF_8);
            default -> throw new SerializationException("cannot write a " + data.getClass().getName() + " to " + topic);
        };
    }
}
