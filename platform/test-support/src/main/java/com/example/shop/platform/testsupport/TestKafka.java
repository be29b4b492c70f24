package com.example.shop.platform.testsupport;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One real single-node KRaft Kafka broker per test JVM, started on first use. By default spring-kafka-test's
 * embedded broker (no Docker); with {@code SHOP_TEST_INFRA=testcontainers} a Testcontainers
 * {@code KafkaContainer} from {@code SHOP_TEST_KAFKA_IMAGE} (default {@code apache/kafka:4.2.1}) instead.
 */
public final class TestKafka {

    private static EmbeddedKafkaKraftBroker broker;

    private TestKafka() {
    }

    /** Points {@code spring.kafka.bootstrap-servers} at the broker. */
    public static void register(DynamicPropertyRegistry registry) {
        String servers = bootstrapServers();
        registry.add("spring.kafka.bootstrap-servers", () -> servers);
    }

    /** The broker's bootstrap servers ({@code host:port}). */
    public static synchronized String bootstrapServers() {
        if (TestInfra.containers()) {
            return KafkaContainers.bootstrapServers();
        }
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
