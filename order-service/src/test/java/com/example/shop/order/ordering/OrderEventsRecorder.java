package com.example.shop.order.ordering;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.example.shop.contracts.order.OrderEvents;

/** A real Kafka consumer that records every message on {@code order-events} from the beginning. */
final class OrderEventsRecorder implements AutoCloseable {

    private final List<ConsumerRecord<String, String>> records = new CopyOnWriteArrayList<>();
    private final Thread poller;
    private volatile boolean running = true;

    OrderEventsRecorder(String bootstrapServers) {
        var consumer = new KafkaConsumer<String, String>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "order-events-recorder-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.METADATA_MAX_AGE_CONFIG, 500));
        poller = Thread.ofPlatform().name("order-events-recorder").daemon().start(() -> {
            try (consumer) {
                consumer.subscribe(List.of(OrderEvents.TOPIC));
                while (running) {
                    consumer.poll(Duration.ofMillis(100)).forEach(records::add);
                }
            }
        });
    }

    /** Every message keyed by the order id, in the order they arrived. */
    List<ConsumerRecord<String, String>> eventsOf(UUID orderId) {
        return records.stream().filter(record -> orderId.toString().equals(record.key())).toList();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        poller.join(Duration.ofSeconds(5));
    }
}
