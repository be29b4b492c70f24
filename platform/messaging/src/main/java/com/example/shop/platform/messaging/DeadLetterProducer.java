package com.example.shop.platform.messaging;

import java.util.HashMap;
import java.util.Map;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Owns the producer that writes dead letters and redriven records. Not a {@code KafkaTemplate} bean itself,
 * so a service that injects "the" {@code KafkaTemplate} still finds exactly one.
 */
final class DeadLetterProducer implements DisposableBean {

    private final DefaultKafkaProducerFactory<Object, Object> factory;
    private final KafkaTemplate<Object, Object> template;

    DeadLetterProducer(Map<String, Object> producerConfig) {
        var config = new HashMap<>(producerConfig);
        // Its own transactional id or client id would clash with the service's producer.
        config.remove("transactional.id");
        config.remove("client.id");
        factory = new DefaultKafkaProducerFactory<>(config, new StringOrBytesSerializer(),
                new StringOrBytesSerializer());
        template = new KafkaTemplate<>(factory);
    }

    KafkaTemplate<Object, Object> template() {
        return template;
    }

    @Override
    public void destroy() {
        factory.destroy();
    }
}
