package com.example.shop.platform.messaging;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.context.annotation.Profile;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * A consumer whose behaviour each test scripts through the event's type: {@code poison.v1} always fails,
 * {@code outage.v1} fails as if the database were down for its first few deliveries, anything else is
 * processed. A second consumer group of the same topic, the bystander, processes every well-formed event.
 * Active only in the tests that ask for it, so no other test context joins its consumer groups.
 */
@Component
@Profile(ScriptedListener.PROFILE)
class ScriptedListener {

    static final String PROFILE = "scripted-listener";
    static final String TOPIC = "scripted-test-events";
    static final int OUTAGE_DELIVERIES = 5;
    static final String GROUP = "scripted-listener";
    /** A second consumer group of the same topic that never fails. */
    static final String BYSTANDER_GROUP = "scripted-bystander";

    final List<String> processed = new CopyOnWriteArrayList<>();
    final List<String> processedByBystander = new CopyOnWriteArrayList<>();
    final ConcurrentHashMap<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();

    private final Events events;

    ScriptedListener(Events events) {
        this.events = events;
    }

    @KafkaListener(topics = TOPIC, groupId = GROUP)
    void on(String value) {
        EventEnvelope event = events.read(value);
        int delivery = deliveries.computeIfAbsent(event.subject(), key -> new AtomicInteger()).incrementAndGet();
        switch (event.type()) {
            case "poison.v1" -> throw new IllegalStateException("this event can never be processed");
            case "outage.v1" -> {
                if (delivery <= OUTAGE_DELIVERIES) {
                    throw new DataAccessResourceFailureException("database unreachable");
                }
            }
            default -> {
            }
        }
        processed.add(event.subject());
    }

    @KafkaListener(topics = TOPIC, groupId = BYSTANDER_GROUP)
    void onAsBystander(String value) {
        processedByBystander.add(events.read(value).subject());
    }
}
