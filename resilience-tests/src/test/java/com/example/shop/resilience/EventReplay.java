package com.example.shop.resilience;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Duplicate and out-of-order delivery, made on purpose: real records of {@code order-events} (already
 * consumed) are published again, same key, value and headers, so the same event ids, newest first. Every
 * consumer's inbox must make them no-ops.
 */
final class EventReplay {

    static final String TOPIC = "order-events";

    private final String bootstrap;
    /**
     * Negative control ({@code faults.replayFreshIds=true}): the copies get new event ids, so no inbox can
     * recognise them; the checks must then report violations, which shows they are not blind.
     */
    private final boolean freshIds;

    EventReplay(String bootstrap, boolean freshIds) {
        this.bootstrap = bootstrap;
        this.freshIds = freshIds;
    }

    /** The records of the given orders now in the topic, oldest first, at most {@code max} of the newest. */
    List<ConsumerRecord<String, String>> recordsOf(Set<String> orderIds, Instant olderThan, int max) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "1000");
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (var consumer = new KafkaConsumer<String, String>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(TOPIC, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            Waits.until(Duration.ofSeconds(30), Duration.ofMillis(10), () -> {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    if (orderIds.contains(record.key()) && record.timestamp() < olderThan.toEpochMilli()) {
                        found.add(record);
                    }
                }
                return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
            });
        }
        found.sort((a, b) -> Long.compare(a.timestamp(), b.timestamp()));
        return found.size() > max ? new ArrayList<>(found.subList(found.size() - max, found.size())) : found;
    }

    /** Publishes the records again, newest first; answers how many were sent. */
    int republishReversed(List<ConsumerRecord<String, String>> records) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "fault-suite-replay-" + UUID.randomUUID());
        List<ConsumerRecord<String, String>> reversed = new ArrayList<>(records);
        Collections.reverse(reversed);
        try (var producer = new KafkaProducer<String, String>(props)) {
            for (var record : reversed) {
                var copy = new ProducerRecord<>(TOPIC, null, record.key(), record.value(), record.headers());
                if (freshIds) {
                    String id = UUID.randomUUID().toString();
                    var envelope = (tools.jackson.databind.node.ObjectNode) Http.JSON.readTree(record.value());
                    envelope.put("id", id);
                    copy = new ProducerRecord<>(TOPIC, null, record.key(), Http.JSON.writeValueAsString(envelope));
                    record.headers().forEach(copy.headers()::add);
                    copy.headers().remove("event-id");
                    copy.headers().add("event-id", id.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
                producer.send(copy);
            }
            producer.flush();
        }
        return reversed.size();
    }

    /** Records on each dead-letter topic ({@code *-dlt}) right now. */
    Map<String, Long> deadLetters() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        Map<String, Long> counts = new HashMap<>();
        try (Admin admin = Admin.create(props)) {
            Set<String> topics = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            var dlts = topics.stream().filter(t -> t.endsWith("-dlt")).toList();
            if (dlts.isEmpty()) {
                return counts;
            }
            var descriptions = admin.describeTopics(dlts).allTopicNames().get(10, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            descriptions.forEach((topic, d) -> d.partitions().forEach(p -> {
                latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest());
                earliest.put(new TopicPartition(topic, p.partition()), OffsetSpec.earliest());
            }));
            var ends = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
            var starts = admin.listOffsets(earliest).all().get(10, TimeUnit.SECONDS);
            ends.forEach((tp, info) -> counts.merge(tp.topic(), info.offset() - starts.get(tp).offset(), Long::sum));
            return counts;
        }
        catch (Exception ex) {
            throw new IllegalStateException("cannot read the dead-letter topics: " + ex, ex);
        }
    }
}
