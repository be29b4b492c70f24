package com.example.shop.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import com.example.shop.platform.observability.TraceParents;

/**
 * Sends committed outbox rows to Kafka, oldest first, and marks them published.
 *
 * <p>Rows are marked only after the broker acknowledged them, so a crash between send and mark publishes
 * the row again after a restart: delivery is at least once and consumers de-duplicate by event id
 * ({@link Inbox}). A transaction-scoped advisory lock lets one relay per database work at a time, so
 * replicas cannot interleave their batches: rows go out in the order they were written ({@code position}),
 * which for one aggregate is the order of its changes as long as those changes lock the aggregate's row,
 * as every state transition here does.
 */
public final class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    /** Advisory lock id shared by the relays of one database ("OUTBOX" in ASCII). */
    private static final long RELAY_LOCK = 0x4f5554424f58L;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final KafkaTemplate<String, String> kafka;
    private final MessagingProperties.Relay settings;
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean running;
    private Thread worker;

    OutboxRelay(JdbcClient jdbc, TransactionTemplate tx, KafkaTemplate<String, String> kafka,
            MessagingProperties.Relay settings) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.kafka = kafka;
        this.settings = settings;
    }

    /** Asks the relay to look for new rows now instead of at its next poll. */
    void wakeUp() {
        wakeUp.release();
    }

    /**
     * Publishes one batch of pending rows, oldest first.
     *
     * <p>Rows are marked published one by one as the broker acknowledges them, up to the first row that
     * fails: that row and the ones after it stay pending and are sent again in the next batch, so a slow or
     * absent broker costs retries, not order. A row the broker refuses for good (for example too large) is
     * parked with its error so it cannot block the rows behind it.
     *
     * @return how many rows were published; 0 when there was nothing to do or another relay holds the lock
     * @throws IllegalStateException when the broker did not acknowledge a row in time; rows acknowledged
     *     before it are marked published all the same
     */
    public int relayBatch() {
        var outcome = tx.execute(status -> {
            boolean leader = jdbc.sql("select pg_try_advisory_xact_lock(:lock)")
                    .param("lock", RELAY_LOCK)
                    .query(Boolean.class)
                    .single();
            if (!leader) {
                return new BatchOutcome(0, null);
            }
            List<Row> rows = jdbc.sql("""
                    select id, topic, message_key, type, payload::text as payload, trace_parent
                    from outbox_event where published_at is null and parked_at is null
                    order by position limit :limit
                    """)
                    .param("limit", settings.batchSize())
                    .query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getString("topic"),
                            rs.getString("message_key"), rs.getString("type"), rs.getString("payload"),
                            rs.getString("trace_parent")))
                    .list();
            List<CompletableFuture<?>> acks = new ArrayList<>(rows.size());
            for (Row row : rows) {
                var record = new ProducerRecord<>(row.topic(), row.key(), row.payload());
                record.headers().add("event-id", row.id().toString().getBytes(StandardCharsets.UTF_8));
                record.headers().add("event-type", row.type().getBytes(StandardCharsets.UTF_8));
                if (row.traceParent() != null) {
                    // The trace of the work that wrote the row: the consumers' spans continue it.
                    record.headers().add(TraceParents.HEADER, row.traceParent().getBytes(StandardCharsets.UTF_8));
                }
                acks.add(send(record));
            }
            long deadline = System.nanoTime() + settings.sendTimeout().toNanos();
            List<UUID> published = new ArrayList<>(rows.size());
            RuntimeException failure = null;
            for (int i = 0; i < rows.size() && failure == null; i++) {
                Row row = rows.get(i);
                try {
                    acks.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    published.add(row.id());
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    failure = new IllegalStateException("interrupted while publishing", ex);
                }
                catch (ExecutionException ex) {
                    Throwable refusal = refusalIn(ex.getCause());
                    if (refusal != null) {
                        park(row, refusal);
                    }
                    else {
                        failure = new IllegalStateException("Kafka did not take event " + row.id(), ex.getCause());
                    }
                }
                catch (TimeoutException ex) {
                    failure = new IllegalStateException("Kafka did not acknowledge event " + row.id() + " within "
                            + settings.sendTimeout(), ex);
                }
            }
            if (!published.isEmpty()) {
                jdbc.sql("update outbox_event set published_at = now() where id in (:ids)")
                        .param("ids", published)
                        .update();
            }
            return new BatchOutcome(published.size(), failure);
        });
        if (outcome == null) {
            return 0;
        }
        if (outcome.failure() != null) {
            throw outcome.failure();
        }
        return outcome.published();
    }

    private CompletableFuture<?> send(ProducerRecord<String, String> record) {
        try {
            return kafka.send(record);
        }
        catch (RuntimeException ex) {
            // send() itself throws when the producer cannot even queue the record (no metadata in time).
            return CompletableFuture.failedFuture(ex);
        }
    }

    /**
     * The Kafka error in the chain that no retry can fix, or {@code null}; anything retriable (timeouts, leader
     * changes, an absent broker) is not one.
     */
    private static Throwable refusalIn(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof RecordTooLargeException || cause instanceof InvalidTopicException
                    || cause instanceof TopicAuthorizationException) {
                return cause;
            }
        }
        return null;
    }

    private void park(Row row, Throwable error) {
        log.error("Parking outbox event {} ({} on {}): Kafka refuses it for good: {}", row.id(), row.type(),
                row.topic(), error.toString());
        jdbc.sql("update outbox_event set parked_at = now(), last_error = :error where id = :id")
                .param("error", error.toString())
                .param("id", row.id())
                .update();
    }

    /** Deletes rows published longer ago than the retention, so the table stays small. */
    int purgePublished() {
        return jdbc.sql("delete from outbox_event where published_at < now() - cast(:retention as interval)")
                .param("retention", settings.retention().toSeconds() + " seconds")
                .update();
    }

    private void loop() {
        long lastPurge = 0;
        Duration backoff = settings.pollInterval();
        while (running) {
            try {
                int published = relayBatch();
                backoff = settings.pollInterval();
                if (System.nanoTime() - lastPurge > Duration.ofHours(1).toNanos()) {
                    purgePublished();
                    lastPurge = System.nanoTime();
                }
                if (published == 0) {
                    wakeUp.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wakeUp.drainPermits();
                }
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return;
            }
            catch (RuntimeException ex) {
                if (!running) {
                    return;
                }
                log.warn("Outbox relay failed, retrying in {}: {}", backoff, ex.getMessage());
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(5)) > 0 ? Duration.ofSeconds(5)
                        : backoff.multipliedBy(2);
            }
        }
    }

    private void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void start() {
        if (!settings.enabled()) {
            return;
        }
        running = true;
        worker = Thread.ofPlatform().name("outbox-relay").daemon().start(this::loop);
    }

    @Override
    public void stop() {
        running = false;
        if (worker != null) {
            wakeUp.release();
            try {
                worker.join(Duration.ofSeconds(10));
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // Stops after the web server has drained its in-flight requests (their events still go out), and
        // before the Kafka producer and the data source are closed.
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    private record Row(UUID id, String topic, String key, String type, String payload, String traceParent) {
    }

    private record BatchOutcome(int published, RuntimeException failure) {
    }
}
