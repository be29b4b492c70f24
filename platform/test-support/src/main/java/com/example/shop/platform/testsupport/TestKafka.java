package com.example.shop.platform.testsupport;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;

/** One real single-node KRaft Kafka broker per test JVM (spring-kafka-test), started on first use. */
public final class TestKafka {

    private static EmbeddedKafkaKraftBroker broker;

    private TestKafka() {
    }

    /** Points {@code spring.kafka.bootstrap-servers} at the broker. */
    public static void register(DynamicPropertyRegistry registry) {
        String servers = bootstrapServers();
        registry.add("spring.kafka.bootstrap-servers", () -> servers);
    }

    public static synchronized String bootstrapServers() {
        if (broker == null) {
            broker = new EmbeddedKafkaKraftBroker(1, 3);
            broker.brokerProperty("auto.create.topics.enable", "true");
            broker.brokerProperty("group.initial.rebalance.delay.ms", "0");
            broker.afterPropertiesSet();
            Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy));
        }
        return broker.getBrokersAsString();
    }
}
