package com.example.shop.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.example.shop.platform.testsupport.TestKafka;
import com.example.shop.platform.testsupport.TestPostgres;
import com.example.shop.platform.testsupport.TopicRecorder;

/**
 * What happens to records a listener cannot process: bounded retries and its consumer group's own dead-letter
 * topic, or patience.
 */
@SpringBootTest(classes = MessagingTestApplication.class, properties = {
        "shop.messaging.relay.enabled=false",
        "shop.messaging.consumer.retry-interval=50ms",
        "shop.messaging.consumer.max-retries=2",
        "shop.messaging.consumer.outage-initial-interval=50ms",
        "shop.messaging.consumer.outage-max-interval=100ms",
        "spring.kafka.consumer.auto-offset-reset=earliest" })
@ActiveProfiles(ScriptedListener.PROFILE)
class ListenerErrorHandlingIntegrationTests {

    static final String DLT = ScriptedListener.TOPIC + "." + ScriptedListener.GROUP + "-dlt";
    static final String BYSTANDER_DLT = ScriptedListener.TOPIC + "." + ScriptedListener.BYSTANDER_GROUP + "-dlt";

    private static TopicRecorder deadLetters;
    private static TopicRecorder bystanderDeadLetters;
    private static TopicRecorder sharedDeadLetters;

    @BeforeAll
    static void recordDeadLetters() throws Exception {
        // The group's dead-letter topic has fewer partitions than its source, as one created by hand might.
        try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(ScriptedListener.TOPIC, 3, (short) 1),
                    new NewTopic(DLT, 1, (short) 1))).all().get();
        }
        catch (ExecutionException ex) {
            if (!(ex.getCause() instanceof TopicExistsException)) {
                throw ex;
            }
        }
        deadLetters = new TopicRecorder(DLT);
        bystanderDeadLetters = new TopicRecorder(BYSTANDER_DLT);
        sharedDeadLetters = new TopicRecorder(ScriptedListener.TOPIC + "-dlt");
    }

    @AfterAll
    static void stopRecording() {
        deadLetters.close();
        bystanderDeadLetters.close();
        sharedDeadLetters.close();
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestPostgres.register(registry, "messaging_test");
        TestKafka.register(registry);
    }

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    ScriptedListener listener;

    private void send(String type, String subject) {
        String value = """
                {"id":"%s","type":"%s","source":"test","time":"2026-11-22T10:00:00Z","subject":"%s","data":{}}"""
                .formatted(UUID.randomUUID(), type, subject);
        kafka.send(ScriptedListener.TOPIC, subject, value).join();
    }

    @Test
    void parksAnEventThatKeepsFailingOnTheDeadLetterTopicAndGoesOn() {
        String poison = UUID.randomUUID().toString();
        String next = UUID.randomUUID().toString();

        send("poison.v1", poison);
        send("thing.happened.v1", next);

        assertThat(deadLetters(poison, 1)).hasSize(1);
        assertThat(listener.deliveries.get(poison)).as("the first delivery and two retries").hasValue(3);
        await().atMost(Duration.ofSeconds(20)).until(() -> listener.processed.contains(next));
        assertThat(listener.processed).doesNotContain(poison);
    }

    @Test
    void parksTheEventOnlyOnTheDeadLetterTopicOfTheGroupThatFailedWhileAnotherGroupProcessesIt() {
        String poison = UUID.randomUUID().toString();

        send("poison.v1", poison);

        assertThat(deadLetters(poison, 1)).hasSize(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> listener.processedByBystander.contains(poison));
        assertThat(DeadLetters.topicFor(ScriptedListener.TOPIC, ScriptedListener.GROUP)).isEqualTo(DLT);
        assertThat(bystanderDeadLetters.withKey(poison)).isEmpty();
        assertThat(sharedDeadLetters.withKey(poison)).isEmpty();
    }

    @Test
    void recordsWhereADeadLetterCameFromAndWhy() {
        String poison = UUID.randomUUID().toString();

        send("poison.v1", poison);

        deadLetters(poison, 1);
        ConsumerRecord<String, String> letter = deadLetters.withKey(poison).getFirst();
        assertThat(header(letter, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(ScriptedListener.TOPIC);
        assertThat(header(letter, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP)).isEqualTo(ScriptedListener.GROUP);
        assertThat(letter.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_PARTITION).value()).hasSize(4);
        assertThat(letter.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_OFFSET).value()).hasSize(8);
        assertThat(header(letter, KafkaHeaders.DLT_EXCEPTION_MESSAGE)).contains("this event can never be processed");
        assertThat(header(letter, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN)).isEqualTo(IllegalStateException.class.getName());
    }

    @Test
    void parksAnEventFromAPartitionItsDeadLetterTopicDoesNotHave() {
        String poison = UUID.randomUUID().toString();
        String value = """
                {"id":"%s","type":"poison.v1","source":"test","time":"2026-11-22T10:00:00Z","subject":"%s","data":{}}"""
                .formatted(UUID.randomUUID(), poison);

        kafka.send(ScriptedListener.TOPIC, 2, poison, value).join();

        deadLetters(poison, 1);
        ConsumerRecord<String, String> letter = deadLetters.withKey(poison).getFirst();
        assertThat(letter.partition()).isZero();
        assertThat(ByteBuffer.wrap(letter.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_PARTITION).value()).getInt())
                .isEqualTo(2);
    }

    @Test
    void parksARecordThatIsNotUtf8AtOnceWithItsBytesUnchanged() throws Exception {
        String key = UUID.randomUUID().toString();
        byte[] notUtf8 = { '{', (byte) 0xC3, (byte) 0x28, '}' };

        try (var producer = new KafkaProducer<String, byte[]>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(ScriptedListener.TOPIC, key, notUtf8)).get();
        }

        assertThat(rawValues(DLT, key)).containsExactly(notUtf8);
        ConsumerRecord<String, String> letter = deadLetters.withKey(key).getFirst();
        assertThat(header(letter, KafkaHeaders.DLT_EXCEPTION_FQCN)).isEqualTo(DeserializationException.class.getName());
        assertThat(listener.deliveries).doesNotContainKey(key);
    }

    @Test
    void parksARecordWithoutAValueAtOnce() {
        String key = UUID.randomUUID().toString();

        kafka.send(ScriptedListener.TOPIC, key, null).join();

        await().atMost(Duration.ofSeconds(20)).until(() -> deadLetters.withKey(key).size() == 1);
        assertThat(deadLetters.valuesWithKey(key)).containsOnlyNulls();
    }

    @Test
    void parksAMalformedRecordAtOnce() {
        String key = UUID.randomUUID().toString();

        kafka.send(ScriptedListener.TOPIC, key, "this is not an event").join();

        assertThat(deadLetters(key, 1)).containsExactly("this is not an event");
    }

    @Test
    void keepsRetryingAnEventWhileTheDatabaseIsDownAndThenProcessesIt() {
        String subject = UUID.randomUUID().toString();

        send("outage.v1", subject);

        await().atMost(Duration.ofSeconds(20)).until(() -> listener.processed.contains(subject));
        assertThat(listener.deliveries.get(subject).get()).isEqualTo(ScriptedListener.OUTAGE_DELIVERIES + 1);
        assertThat(deadLetters.withKey(subject)).isEmpty();
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The values of a topic's records with this key, byte for byte, once there is at least one. */
    private static List<byte[]> rawValues(String topic, String key) {
        try (var consumer = new KafkaConsumer<String, byte[]>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "raw-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.METADATA_MAX_AGE_CONFIG, 500),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            var values = new ArrayList<byte[]>();
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                consumer.poll(Duration.ofMillis(100)).forEach(record -> {
                    if (key.equals(record.key())) {
                        values.add(record.value());
                    }
                });
                return !values.isEmpty();
            });
            return values;
        }
    }

    /** The dead-letter records with the key, once {@code expected} have arrived (waiting at most 20 s). */
    private static List<String> deadLetters(String key, int expected) {
        await().atMost(Duration.ofSeconds(20)).until(() -> deadLetters.withKey(key).size() >= expected);
        return deadLetters.valuesWithKey(key);
    }
}
