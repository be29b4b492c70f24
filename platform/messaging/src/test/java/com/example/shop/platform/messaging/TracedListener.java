package com.example.shop.platform.messaging;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.annotation.Profile;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;

/**
 * Remembers, per event subject, the span its work ran in: the trace a consumer continues. Active only in the
 * tests that ask for it; its consumer group is new per test class run, so it reads the topic from the start.
 */
@Component
@Profile(TracedListener.PROFILE)
class TracedListener {

    static final String PROFILE = "traced-listener";
    static final String TOPIC = "traced-test-events";

    record Seen(String traceId, String spanId) {
    }

    final Map<String, Seen> seen = new ConcurrentHashMap<>();

    private final Events events;
    private final Tracer tracer;

    TracedListener(Events events, Tracer tracer) {
        this.events = events;
        this.tracer = tracer;
    }

    @KafkaListener(topics = TOPIC, groupId = "${traced-listener.group}")
    void on(String value) {
        Span span = tracer.currentSpan();
        seen.put(events.read(value).subject(),
                span == null ? new Seen(null, null) : new Seen(span.context().traceId(), span.context().spanId()));
    }
}
