package com.example.shop.platform.messaging;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads UTF-8 like Kafka's {@code StringDeserializer}, but refuses bytes that are not UTF-8 instead of
 * silently replacing them with U+FFFD. Wrapped in spring-kafka's {@code ErrorHandlingDeserializer} (see
 * {@link MessagingAutoConfiguration}), such a record goes to the dead-letter topic at once with its bytes
 * exactly as they arrived, where a lenient decoder would have handed the listener a mangled string.
 */
public final class StrictStringDeserializer implements Deserializer<String> {

    @Override
    public String deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data))
                    .toString();
        }
        catch (CharacterCodingException ex) {
            throw new SerializationException("record of " + topic + " is not UTF-8: " + ex.getMessage(), ex);
        }
    }
}
