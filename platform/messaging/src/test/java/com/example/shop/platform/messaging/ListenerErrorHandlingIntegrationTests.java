package com.example.shop.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.example.shop.platform.testsupport.TestKafka;
import com.example.shop.platform.testsupport.TestPostgres;
import com.example.shop.platform.testsupport.TopicRecorder;

/** What happens to records a listener cannot process: bounded retries and a dead-letter topic, or patience. */
@SpringBootTest(classes = MessagingTestApplication.class, properties = {
        "shop.messaging.relay.enabled=false",
        "shop.messaging.consumer.retry-interval=50ms",
        "shop.messaging.consumer.max-retries=2",
        "shop.messaging.consumer.outage-initial-interval=50ms",
        "shop.messaging.consumer.outage-max-interval=100ms",
        "spring.kafka.consumer.auto-offset-reset=earliest" })
@ActiveProfiles(ScriptedListener.PROFILE)
class ListenerErrorHandlingIntegrationTests {

    private static TopicRecorder deadLetters;

    @BeforeAll
    static void recordDeadLetters() {
        deadLetters = new TopicRecorder(ScriptedListener.TOPIC + "-dlt");
    }

    @AfterAll
    static void stopRecording() {
        deadLetters.close();
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

    /** The dead-letter records with the key, once {@code expected} have arrived (waiting at most 20 s). */
    private static List<String> deadLetters(String key, int expected) {
        await().atMost(Duration.ofSeconds(20)).until(() -> deadLetters.withKey(key).size() >= expected);
        return deadLetters.valuesWithKey(key);
    }
}
