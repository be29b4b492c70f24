package com.example.shop.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.example.shop.platform.messaging.TracedListener.Seen;
import com.example.shop.platform.testsupport.TestKafka;
import com.example.shop.platform.testsupport.TestPostgres;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;

/**
 * A consumer's work joins the trace of the transaction that wrote the event, through the outbox row: with the
 * real OpenTelemetry tracer, PostgreSQL and Kafka.
 */
class TracePropagationIntegrationTests {

    /** New per run, so the listener reads the topic from its start and a rerun does not share offsets. */
    private static final String GROUP = "traced-listener-" + UUID.randomUUID();

    record ThingHappened(String thingId) {
    }

    private ConfigurableApplicationContext start(boolean relayEnabled) {
        return new SpringApplicationBuilder(MessagingTestApplication.class)
                .web(WebApplicationType.NONE)
                .profiles(TracedListener.PROFILE)
                .properties(Map.of(
                        "spring.application.name", "messaging-test",
                        "spring.datasource.url", TestPostgres.jdbcUrl("messaging_test"),
                        "spring.datasource.username", "postgres",
                        "spring.datasource.password", "postgres",
                        "spring.kafka.bootstrap-servers", TestKafka.bootstrapServers(),
                        "spring.kafka.consumer.auto-offset-reset", "earliest",
                        "traced-listener.group", GROUP,
                        "shop.messaging.relay.enabled", String.valueOf(relayEnabled),
                        "shop.messaging.relay.poll-interval", "100ms"))
                .run();
    }

    private static void publishInTransaction(ConfigurableApplicationContext context, String subject) {
        var tx = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        Outbox outbox = context.getBean(Outbox.class);
        tx.executeWithoutResult(status -> outbox.publish(TracedListener.TOPIC, subject, "thing.happened.v1",
                new ThingHappened(subject)));
    }

    /** Publishes in a span of its own, as a request handler would, and returns that span (ended). */
    private static Span publishInSpan(ConfigurableApplicationContext context, String subject) {
        Tracer tracer = context.getBean(Tracer.class);
        Span request = tracer.nextSpan().name("request").start();
        try (var inScope = tracer.withSpan(request)) {
            publishInTransaction(context, subject);
        }
        finally {
            request.end();
        }
        return request;
    }

    private static Seen awaitConsumed(ConfigurableApplicationContext context, String subject) {
        TracedListener listener = context.getBean(TracedListener.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> listener.seen.containsKey(subject));
        return listener.seen.get(subject);
    }

    @Test
    void aConsumerContinuesTheTraceOfTheTransactionThatWroteTheEvent() {
        String subject = UUID.randomUUID().toString();
        try (var context = start(true)) {
            Span request = publishInSpan(context, subject);

            Seen consumed = awaitConsumed(context, subject);

            assertThat(consumed.traceId()).isEqualTo(request.context().traceId());
            assertThat(consumed.spanId()).isNotEqualTo(request.context().spanId());
        }
    }

    @Test
    void theTraceOutlivesARestartBetweenTheCommitAndThePublication() {
        String subject = UUID.randomUUID().toString();
        Span request;
        try (var beforeTheCrash = start(false)) {
            request = publishInSpan(beforeTheCrash, subject);
            String stored = beforeTheCrash.getBean(JdbcClient.class)
                    .sql("select trace_parent from outbox_event where message_key = ?").param(subject)
                    .query(String.class).single();
            // W3C trace context: version, trace id, the writing span's id, flags (sampled).
            assertThat(stored).matches("00-" + request.context().traceId() + "-" + request.context().spanId()
                    + "-[0-9a-f][13579bdf]");
        }

        try (var restarted = start(true)) {
            Seen consumed = awaitConsumed(restarted, subject);

            assertThat(consumed.traceId()).isEqualTo(request.context().traceId());
        }
    }

    @Test
    void anEventWrittenOutsideAnySpanIsConsumedInATraceOfItsOwn() {
        String subject = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        try (var context = start(true)) {
            publishInTransaction(context, subject);
            publishInTransaction(context, other);

            Seen consumed = awaitConsumed(context, subject);

            assertThat(consumed.traceId()).isNotNull();
            assertThat(awaitConsumed(context, other).traceId()).isNotEqualTo(consumed.traceId());
            assertThat(context.getBean(JdbcClient.class)
                    .sql("select trace_parent is null from outbox_event where message_key = ?").param(subject)
                    .query(Boolean.class).single()).isTrue();
        }
    }
}
