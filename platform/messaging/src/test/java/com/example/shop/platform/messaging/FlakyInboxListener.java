package com.example.shop.platform.messaging;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Two idempotent consumer groups of one topic, as two services would have them: {@code flaky-listener}, whose
 * effect fails while {@link #broken} is set (a downstream fault an operator fixes before redriving), and
 * {@code steady-listener}, which always works. Each writes its effect to {@code test_effect} through the inbox.
 */
@Component
@Profile(FlakyInboxListener.PROFILE)
class FlakyInboxListener {

    static final String PROFILE = "flaky-inbox-listener";
    static final String TOPIC = "flaky-test-events";
    static final String FLAKY_GROUP = "flaky-listener";
    static final String STEADY_GROUP = "steady-listener";

    volatile boolean broken = true;
    /** Deliveries per group and subject, whether or not they had an effect. */
    final ConcurrentHashMap<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();

    private final Events events;
    private final Inbox inbox;
    private final JdbcClient jdbc;

    FlakyInboxListener(Events events, Inbox inbox, JdbcClient jdbc) {
        this.events = events;
        this.inbox = inbox;
        this.jdbc = jdbc;
    }

    @KafkaListener(topics = TOPIC, groupId = FLAKY_GROUP)
    void onFlaky(String value) {
        EventEnvelope event = events.read(value);
        delivered(FLAKY_GROUP, event);
        inbox.processOnce(FLAKY_GROUP, event, e -> {
            if (broken) {
                throw new IllegalStateException("the downstream system is broken");
            }
            effect(FLAKY_GROUP, e);
        });
    }

    @KafkaListener(topics = TOPIC, groupId = STEADY_GROUP)
    void onSteady(String value) {
        EventEnvelope event = events.read(value);
        delivered(STEADY_GROUP, event);
        inbox.processOnce(STEADY_GROUP, event, e -> effect(STEADY_GROUP, e));
    }

    int deliveries(String group, String subject) {
        AtomicInteger count = deliveries.get(group + "/" + subject);
        return count == null ? 0 : count.get();
    }

    long effects(String group, String subject) {
        return jdbc.sql("select count(*) from test_effect where consumer = ? and subject = ?")
                .params(group, subject).query(Long.class).single();
    }

    private void delivered(String group, EventEnvelope event) {
        deliveries.computeIfAbsent(group + "/" + event.subject(), key -> new AtomicInteger()).incrementAndGet();
    }

    private void effect(String group, EventEnvelope event) {
        jdbc.sql("insert into test_effect (consumer, subject) values (?, ?)").params(group, event.subject()).update();
    }
}
