package com.example.shop.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.example.shop.platform.testsupport.TestKafka;
import com.example.shop.platform.testsupport.TestPostgres;
import com.example.shop.platform.testsupport.TopicRecorder;

class OutboxRelayIntegrationTests {

    private static TopicRecorder topic;

    @BeforeAll
    static void recordTopic() {
        topic = new TopicRecorder(TOPIC);
    }

    @AfterAll
    static void stopRecording() {
        topic.close();
    }

    private static final String TOPIC = "outbox-test-events";

    record ThingHappened(String thingId, int count) {
    }

    private ConfigurableApplicationContext start(boolean relayEnabled) {
        // No web server: the test needs the relay, not HTTP (and a fixed port could be taken).
        return new SpringApplicationBuilder(MessagingTestApplication.class)
                .web(WebApplicationType.NONE)
                .properties(Map.of(
                        "spring.application.name", "messaging-test",
                        "spring.datasource.url", TestPostgres.jdbcUrl("messaging_test"),
                        "spring.datasource.username", "postgres",
                        "spring.datasource.password", "postgres",
                        "spring.kafka.bootstrap-servers", TestKafka.bootstrapServers(),
                        "shop.messaging.relay.enabled", String.valueOf(relayEnabled),
                        "shop.messaging.relay.poll-interval", "100ms"))
                .run();
    }

    private static UUID publishInTransaction(ConfigurableApplicationContext context, String key, boolean commit) {
        var tx = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        Outbox outbox = context.getBean(Outbox.class);
        return tx.execute(status -> {
            UUID id = outbox.publish(TOPIC, key, "thing.happened.v1", new ThingHappened(key, 3));
            if (!commit) {
                status.setRollbackOnly();
            }
            return id;
        });
    }

    @Test
    void publishesEventCommittedBeforeTheServiceStoppedOnceItRunsAgain() {
        String key = UUID.randomUUID().toString();
        UUID eventId;
        try (var crashed = start(false)) {
            eventId = publishInTransaction(crashed, key, true);
            long unpublished = crashed.getBean(JdbcClient.class)
                    .sql("select count(*) from outbox_event where id = ? and published_at is null")
                    .param(eventId).query(Long.class).single();
            assertThat(unpublished).isEqualTo(1);
        }

        try (var restarted = start(true)) {
            List<ConsumerRecord<String, String>> records = readAll(key, 1);
            assertThat(records).hasSize(1);
            ConsumerRecord<String, String> record = records.getFirst();
            var envelope = restarted.getBean(Events.class).read(record.value());
            assertThat(envelope.id()).isEqualTo(eventId);
            assertThat(envelope.type()).isEqualTo("thing.happened.v1");
            assertThat(envelope.source()).isEqualTo("messaging-test");
            assertThat(envelope.subject()).isEqualTo(key);
            assertThat(restarted.getBean(Events.class).data(envelope, ThingHappened.class))
                    .isEqualTo(new ThingHappened(key, 3));
            assertThat(new String(record.headers().lastHeader("event-type").value())).isEqualTo("thing.happened.v1");
        }
    }

    @Test
    void publishesNothingWhenTheTransactionRollsBack() {
        String key = UUID.randomUUID().toString();
        try (var context = start(true)) {
            publishInTransaction(context, key, false);
            String committedKey = UUID.randomUUID().toString();
            publishInTransaction(context, committedKey, true);
            // The committed event is published after the rolled-back one would have been, so once it has
            // arrived the rolled-back one would have too.
            assertThat(readAll(committedKey, 1)).hasSize(1);
            assertNothingArrivesFor(key);
            long rows = context.getBean(JdbcClient.class)
                    .sql("select count(*) from outbox_event where message_key = ?").param(key)
                    .query(Long.class).single();
            assertThat(rows).isZero();
        }
    }

    @Test
    void parksAnEventKafkaRefusesForGoodAndPublishesTheOnesBehindIt() {
        String tooLargeKey = UUID.randomUUID().toString();
        String nextKey = UUID.randomUUID().toString();
        try (var context = start(true)) {
            var tx = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
            Outbox outbox = context.getBean(Outbox.class);
            UUID tooLarge = tx.execute(status -> outbox.publish(TOPIC, tooLargeKey, "thing.happened.v1",
                    new ThingHappened("x".repeat(2_000_000), 1)));
            publishInTransaction(context, nextKey, true);

            assertThat(readAll(nextKey, 1)).hasSize(1);
            var parked = context.getBean(JdbcClient.class)
                    .sql("select parked_at is not null as parked, last_error from outbox_event where id = ?")
                    .param(tooLarge)
                    .query((rs, n) -> Map.entry(rs.getBoolean("parked"), String.valueOf(rs.getString("last_error"))))
                    .single();
            assertThat(parked.getKey()).isTrue();
            assertThat(parked.getValue()).contains("RecordTooLarge");
            assertNothingArrivesFor(tooLargeKey);
        }
    }

    @Test
    void refusesToPublishOutsideATransaction() {
        try (var context = start(false)) {
            Outbox outbox = context.getBean(Outbox.class);
            org.assertj.core.api.Assertions
                    .assertThatThrownBy(() -> outbox.publish(TOPIC, "k", "thing.happened.v1", new ThingHappened("k", 1)))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    /** The records with the key, once {@code expected} have arrived (waiting at most 10 s). */
    private static List<ConsumerRecord<String, String>> readAll(String key, int expected) {
        await().atMost(Duration.ofSeconds(10)).until(() -> topic.withKey(key).size() >= expected);
        return topic.withKey(key);
    }

    private static void assertNothingArrivesFor(String key) {
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> topic.withKey(key).isEmpty());
    }

}
