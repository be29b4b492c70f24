package com.example.shop.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;

/** How messaging sets up the consumer's deserializers, and what its strict String deserializer accepts. */
class DeserializerSetupTests {

    private static Map<String, Object> customized(Map<String, Object> configs) {
        var factory = new DefaultKafkaConsumerFactory<Object, Object>(new HashMap<>(configs));
        new MessagingAutoConfiguration().errorHandlingDeserializers().customize(factory);
        return factory.getConfigurationProperties();
    }

    @Test
    void wrapsBootsDefaultStringDeserializersInErrorHandlingDeserializersAroundStrictUtf8() {
        Map<String, Object> configs = customized(Map.of(
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));

        assertThat(configs.get(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG)).isEqualTo(ErrorHandlingDeserializer.class);
        assertThat(configs.get(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG)).isEqualTo(ErrorHandlingDeserializer.class);
        assertThat(configs.get(ErrorHandlingDeserializer.KEY_DESERIALIZER_CLASS)).isEqualTo(StrictStringDeserializer.class);
        assertThat(configs.get(ErrorHandlingDeserializer.VALUE_DESERIALIZER_CLASS)).isEqualTo(StrictStringDeserializer.class);
    }

    @Test
    void keepsADeserializerTheServiceChoseAsTheDelegate() {
        Map<String, Object> configs = customized(Map.of(
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, LongDeserializer.class));

        assertThat(configs.get(ErrorHandlingDeserializer.VALUE_DESERIALIZER_CLASS)).isEqualTo(LongDeserializer.class);
    }

    @Test
    void leavesAnErrorHandlingDeserializerTheServiceConfiguredAlone() {
        Map<String, Object> configs = customized(Map.of(
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ErrorHandlingDeserializer.class,
                ErrorHandlingDeserializer.VALUE_DESERIALIZER_CLASS, LongDeserializer.class));

        assertThat(configs.get(ErrorHandlingDeserializer.VALUE_DESERIALIZER_CLASS)).isEqualTo(LongDeserializer.class);
    }

    @Test
    void readsUtf8AndRefusesBytesThatAreNot() {
        var deserializer = new StrictStringDeserializer();

        assertThat(deserializer.deserialize("t", "Grüße €".getBytes(StandardCharsets.UTF_8))).isEqualTo("Grüße €");
        assertThat(deserializer.deserialize("t", null)).isNull();
        assertThatThrownBy(() -> deserializer.deserialize("t", new byte[] { (byte) 0xC3, (byte) 0x28 }))
                .isInstanceOf(SerializationException.class).hasMessageContaining("not UTF-8");
    }

    @Test
    void writesDeadLettersAsTheyCame() {
        var serializer = new StringOrBytesSerializer();
        byte[] raw = { (byte) 0xC3, (byte) 0x28 };

        assertThat(serializer.serialize("t", raw)).isSameAs(raw);
        assertThat(serializer.serialize("t", "é")).isEqualTo("é".getBytes(StandardCharsets.UTF_8));
        assertThat(serializer.serialize("t", null)).isNull();
    }
}
