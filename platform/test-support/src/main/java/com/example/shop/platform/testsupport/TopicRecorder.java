package com.example.shop.platform.testsupport;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A real consumer of one topic of the test broker, as another service would read it: from the beginning, in
 * its own consumer group, recording every record in the background. Tests ask for the records of one key
 * (one aggregate) and wait for them with Awaitility.
 */
public final class TopicRecorder implements AutoCloseable {

    private final List<ConsumerRecord<String, String>> records = new CopyOnWriteArrayList<>();
    private final Thread poller;
    private volatile boolean running = true;

    public TopicRecorder(String topic) {
        var consumer = new KafkaConsumer<String, String>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "recorder-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                // The topic may appear only with its first record; look for it often.
                ConsumerConfig.METADATA_MAX_AGE_CONFIG, 500));
        poller = Thread.ofPlatform().name("recorder-" + topic).daemon().start(() -> {
            try (consumer) {
                consumer.subscribe(List.of(topic));
                while (running) {
                    consumer.poll(Duration.ofMillis(100)).forEach(records::add);
                }
            }
        });
    }

    /** Every record with this key so far, in the order they arrived. */
    public List<ConsumerRecord<String, String>> withKey(String key) {
        return records.stream().filter(record -> key.equals(record.key())).toList();
    }

    /** The values of {@link #withKey(String)}. */
    public List<String> valuesWithKey(String key) {
        return withKey(key).stream().map(ConsumerRecord::value).toList();
    }

    @Override
    public void close() {
        running = false;
        try {
            poller.join(Duration.ofSeconds(5));
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
