package com.example.shop.platform.testsupport;

import java.time.Duration;

import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/** {@link TestKafka} on Testcontainers: one single-node KRaft broker container per JVM. */
final class KafkaContainers {

    static final String IMAGE_ENV = "SHOP_TEST_KAFKA_IMAGE";
    static final String IMAGE_PROPERTY = "shop.test.kafka.image";

    private static KafkaContainer container;

    private KafkaContainers() {
    }

    static synchronized String bootstrapServers() {
        if (container == null) {
            String image = TestInfra.setting(IMAGE_PROPERTY, IMAGE_ENV, "apache/kafka:4.2.1");
            TestInfra.requireImage(image, IMAGE_ENV);
            KafkaContainer kafka = new KafkaContainer(DockerImageName.parse(image).asCompatibleSubstituteFor("apache/kafka"))
                    // the same broker settings as the embedded one, so tests behave alike in both modes
                    .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "true")
                    .withEnv("KAFKA_NUM_PARTITIONS", "3")
                    .withStartupTimeout(Duration.ofSeconds(90));
            kafka.start();
            container = kafka;
            Runtime.getRuntime().addShutdownHook(new Thread(kafka::stop));
        }
        return container.getBootstrapServers();
    }
}
