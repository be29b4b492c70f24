package com.example.shop.platform.messaging;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.TopicPartitionOffset;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * The dead letters of this service's consumer groups: each group parks the records it gave up on in its own
 * topic {@code <topic>.<group>-dlt} (see {@link #topicFor}). {@link #inspect()} lists them, {@link #redrive}
 * publishes them again to the topic they came from, once each: a redrive reads in its own consumer group
 * {@code <group>.redrive} and commits what it republished, so the next redrive starts after it.
 *
 * <p>A redriven record goes to the original topic, so every consumer group of that topic reads it again;
 * that is safe because consumers are idempotent (the {@link Inbox}), and it means the redriven record is
 * processed by the group that failed and skipped as a duplicate by the others.
 */
public final class DeadLetters {

    /** Header on a redriven record: {@code <dlt topic>/<partition>/<offset>} of the dead letter it was. */
    public static final String REDRIVEN_FROM = "shop-redriven-from";

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    private static final String SUFFIX = "-dlt";

    private final Supplier<List<MessageListenerContainer>> containers;
    private final Map<String, Object> consumerConfig;
    private final KafkaTemplate<Object, Object> producer;
    private final MessagingProperties.DeadLetters settings;

    DeadLetters(Supplier<List<MessageListenerContainer>> containers, Map<String, Object> consumerConfig,
            KafkaTemplate<Object, Object> producer, MessagingProperties.DeadLetters settings) {
        this.containers = containers;
        this.consumerConfig = Map.copyOf(consumerConfig);
        this.producer = producer;
        this.settings = settings;
    }

    /** The dead-letter topic of one consumer group of one topic. */
    public static String topicFor(String topic, String group) {
        return topic + "." + group + SUFFIX;
    }

    /** The consumer group whose committed offsets mark how far a dead-letter topic has been redriven. */
    public static String redriveGroup(String group) {
        return group + ".redrive";
    }

    /**
     * One dead-letter topic of this service.
     *
     * @param name {@code <sourceTopic>.<group>-dlt}
     * @param sourceTopic the topic the group consumes
     * @param group the consumer group that parks its failures here
     */
    public record Topic(String name, String sourceTopic, String group) {
    }

    /**
     * What an operator needs to decide about one dead letter.
     *
     * @param partition partition of the dead-letter topic
     * @param offset offset in the dead-letter topic
     * @param originalTopic where the record was first published
     * @param originalPartition its partition there
     * @param originalOffset its offset there
     * @param group the consumer group that gave up on it
     * @param exception class of the exception that made it a dead letter
     * @param exceptionMessage that exception's message
     * @param redrivenFrom set when the record had already been redriven once and failed again
     * @param value the start of the value as UTF-8 (invalid bytes shown as U+FFFD)
     */
    public record Letter(int partition, long offset, String key, String originalTopic, Integer originalPartition,
            Long originalOffset, String group, String exception, String exceptionMessage, String redrivenFrom,
            String value) {
    }

    /**
     * The state of one dead-letter topic.
     *
     * @param count records in the topic (redriven or not)
     * @param pending records not yet redriven, the ones the next redrive would publish
     * @param records the first pending records, at most {@code shop.messaging.dead-letters.inspect-limit}
     */
    public record Report(String topic, String sourceTopic, String group, long count, long pending,
            List<Letter> records) {
    }

    /** What a redrive did: how many dead letters it republished, and to which topics. */
    public record Redrive(String topic, int redriven, Map<String, Integer> byTopic) {
    }

    /** The dead-letter topics of every consumer group of this service's listener containers. */
    public List<Topic> topics() {
        var topics = new TreeMap<String, Topic>();
        for (MessageListenerContainer container : containers.get()) {
            String group = container.getGroupId();
            if (group == null) {
                continue;
            }
            for (String source : sourceTopics(container.getContainerProperties())) {
                String name = topicFor(source, group);
                topics.put(name, new Topic(name, source, group));
            }
        }
        return List.copyOf(topics.values());
    }

    private static List<String> sourceTopics(ContainerProperties properties) {
        if (properties.getTopics() != null) {
            return Arrays.asList(properties.getTopics());
        }
        if (properties.getTopicPartitions() != null) {
            return Stream.of(properties.getTopicPartitions()).map(TopicPartitionOffset::getTopic).distinct().toList();
        }
        // A topic pattern names no topic we could derive a dead-letter topic from in advance.
        return List.of();
    }

    /** Every dead-letter topic of this service with its counts and first pending records. */
    public List<Report> inspect() {
        return topics().stream().map(this::inspect).toList();
    }

    /** One dead-letter topic, if it belongs to this service. */
    public Optional<Report> inspect(String dltTopic) {
        return find(dltTopic).map(this::inspect);
    }

    private Report inspect(Topic topic) {
        var letters = new ArrayList<Letter>();
        try (var reader = new Reader(topic)) {
            reader.read(record -> {
                if (letters.size() >= settings.inspectLimit()) {
                    return false;
                }
                letters.add(letter(record));
                return true;
            }, batch -> {
            });
            return new Report(topic.name(), topic.sourceTopic(), topic.group(), reader.count, reader.pending,
                    List.copyOf(letters));
        }
    }

    /**
     * Publishes every dead letter not redriven yet to its original topic, with its key, value and headers
     * (minus the dead-letter and deserializer headers, plus {@link #REDRIVEN_FROM}), and commits each batch
     * once Kafka has acknowledged it. Should the service stop between the two, the batch is redriven again
     * next time, which idempotent consumers absorb.
     *
     * @return empty when the topic is not a dead-letter topic of this service
     */
    public synchronized Optional<Redrive> redrive(String dltTopic) {
        return find(dltTopic).map(this::redrive);
    }

    private Redrive redrive(Topic topic) {
        var byTopic = new TreeMap<String, Integer>();
        var sends = new ArrayList<CompletableFuture<?>>();
        try (var reader = new Reader(topic)) {
            reader.read(record -> {
                String target = Optional.ofNullable(text(record, KafkaHeaders.DLT_ORIGINAL_TOPIC))
                        .orElse(topic.sourceTopic());
                var headers = new RecordHeaders();
                for (Header header : record.headers()) {
                    if (!header.key().startsWith("kafka_dlt-")
                            && !header.key().startsWith(SerializationUtils.DESERIALIZER_EXCEPTION_HEADER_PREFIX)
                            && !header.key().equals(REDRIVEN_FROM)) {
                        headers.add(header);
                    }
                }
                headers.add(REDRIVEN_FROM, (record.topic() + "/" + record.partition() + "/" + record.offset())
                        .getBytes(StandardCharsets.UTF_8));
                sends.add(producer.send(
                        new ProducerRecord<Object, Object>(target, null, record.key(), record.value(), headers)));
                byTopic.merge(target, 1, Integer::sum);
                return true;
            }, batch -> {
                // Commit only what Kafka has acknowledged; a failed send fails the redrive before its commit.
                CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                        .orTimeout(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS).join();
                sends.clear();
                batch.run();
            });
        }
        int redriven = byTopic.values().stream().mapToInt(Integer::intValue).sum();
        log.info("redrove {} dead letters of {} to {}", redriven, topic.name(), byTopic);
        return new Redrive(topic.name(), redriven, byTopic);
    }

    private Optional<Topic> find(String dltTopic) {
        return topics().stream().filter(topic -> topic.name().equals(dltTopic)).findFirst();
    }

    private Letter letter(ConsumerRecord<byte[], byte[]> record) {
        String value = record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8);
        if (value != null && value.length() > settings.valuePreview()) {
            value = value.substring(0, settings.valuePreview());
        }
        return new Letter(record.partition(), record.offset(),
                record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8),
                text(record, KafkaHeaders.DLT_ORIGINAL_TOPIC),
                number(record, KafkaHeaders.DLT_ORIGINAL_PARTITION, bytes -> ByteBuffer.wrap(bytes).getInt(), 4),
                number(record, KafkaHeaders.DLT_ORIGINAL_OFFSET, bytes -> ByteBuffer.wrap(bytes).getLong(), 8),
                text(record, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP),
                text(record, KafkaHeaders.DLT_EXCEPTION_FQCN),
                Optional.ofNullable(text(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE))
                        .orElse(text(record, KafkaHeaders.DLT_KEY_EXCEPTION_MESSAGE)),
                text(record, REDRIVEN_FROM), value);
    }

    private static String text(ConsumerRecord<?, ?> record, String header) {
        Header last = record.headers().lastHeader(header);
        return last == null || last.value() == null ? null : new String(last.value(), StandardCharsets.UTF_8);
    }

    private static <T> T number(ConsumerRecord<?, ?> record, String header,
            java.util.function.Function<byte[], T> decode, int size) {
        Header last = record.headers().lastHeader(header);
        return last == null || last.value() == null || last.value().length != size ? null : decode.apply(last.value());
    }

    /** What to do with each record; {@code false} stops reading. */
    private interface RecordHandler {
        boolean handle(ConsumerRecord<byte[], byte[]> record);
    }

    /** Called after each polled batch with the action that commits it. */
    private interface BatchHandler {
        void done(Runnable commit);
    }

    /**
     * Reads a dead-letter topic from where the last redrive stopped (or its beginning) up to the end it had
     * when reading started, so records that arrive meanwhile wait for the next call. Assigns the partitions
     * instead of subscribing: no rebalance, and the redrive group never has members that could stall.
     */
    private final class Reader implements AutoCloseable {

        private final KafkaConsumer<byte[], byte[]> consumer;
        private final String topic;
        long count;
        long pending;

        Reader(Topic topic) {
            this.topic = topic.name();
            var config = new HashMap<>(consumerConfig);
            config.put(ConsumerConfig.GROUP_ID_CONFIG, redriveGroup(topic.group()));
            config.put(ConsumerConfig.CLIENT_ID_CONFIG, redriveGroup(topic.group()) + "-" + System.nanoTime());
            config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            // Looking at a dead-letter topic that does not exist yet must not create it.
            config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
            config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            config.keySet().removeIf(key -> key.startsWith("spring.deserializer."));
            config.remove(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG);
            config.remove(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG);
            consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        }

        void read(RecordHandler onRecord, BatchHandler onBatch) {
            Duration timeout = settings.readTimeout();
            List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
            if (infos == null || infos.isEmpty()) {
                return;
            }
            List<TopicPartition> partitions = infos.stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions, timeout);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new HashSet<>(partitions), timeout);
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata done = committed.get(partition);
                long start = Math.max(beginning.get(partition), done == null ? 0 : done.offset());
                consumer.seek(partition, start);
                count += end.get(partition) - beginning.get(partition);
                pending += Math.max(0, end.get(partition) - start);
            }
            long deadline = System.nanoTime() + timeout.toNanos();
            var next = new HashMap<TopicPartition, OffsetAndMetadata>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("reading " + topic + " took longer than " + timeout);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    var partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= end.get(partition)) {
                        continue;
                    }
                    if (!onRecord.handle(record)) {
                        return;
                    }
                    next.put(partition, new OffsetAndMetadata(record.offset() + 1));
                }
                if (!next.isEmpty()) {
                    var offsets = Map.copyOf(next);
                    next.clear();
                    onBatch.done(() -> consumer.commitSync(offsets, timeout));
                }
            }
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
