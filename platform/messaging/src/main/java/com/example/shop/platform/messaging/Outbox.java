package com.example.shop.platform.messaging;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.example.shop.platform.observability.TraceParents;

/**
 * The only way a service publishes an event: the event is written to {@code outbox_event} in the same
 * database transaction as the state change it describes, and the {@link OutboxRelay} sends it to Kafka
 * after the commit. An event is therefore published if and only if its transaction commits.
 *
 * <p>The row also keeps the trace context of the work that wrote it (W3C {@code traceparent}), which the relay
 * puts on the record: whoever consumes the event, however much later, continues that trace.
 */
public final class Outbox {

    private final JdbcClient jdbc;
    private final Events events;
    private final String source;
    private final Clock clock;
    private final Runnable afterCommit;
    private final TraceParents traceParents;

    Outbox(JdbcClient jdbc, Events events, String source, Clock clock, Runnable afterCommit,
            TraceParents traceParents) {
        this.jdbc = jdbc;
        this.events = events;
        this.source = source;
        this.clock = clock;
        this.afterCommit = afterCommit;
        this.traceParents = traceParents;
    }

    /**
     * Records an event for publication. Must run inside the transaction that changes the aggregate.
     *
     * @param topic the topic, one per producing aggregate
     * @param key the aggregate id; the Kafka key, so one aggregate's events stay in order
     * @param type the stable wire type, for example {@code order.confirmed.v1}
     * @param data the event record
     * @return the event id
     */
    public UUID publish(String topic, String key, String type, Object data) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Outbox.publish needs the transaction that changes the aggregate");
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        var envelope = new EventEnvelope(id, type, source, now, key, events.tree(data));
        jdbc.sql("""
                insert into outbox_event (id, topic, message_key, type, payload, created_at, trace_parent)
                values (:id, :topic, :key, :type, cast(:payload as jsonb), :createdAt, :traceParent)
                """)
                .param("id", id)
                .param("topic", topic)
                .param("key", key)
                .param("type", type)
                .param("payload", events.write(envelope))
                .param("createdAt", Timestamp.from(now))
                .param("traceParent", traceParents.current())
                .update();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                afterCommit.run();
            }
        });
        return id;
    }
}
