package com.example.shop.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends committed outbox rows to Kafka, oldest first, and marks them published.
 *
 * <p>Rows are marked only after the broker acknowledged them, so a crash between send and mark publishes
 * the row again after a restart: delivery is at least once and consumers de-duplicate by event id
 * ({@link Inbox}). A transaction-scoped advisory lock lets one relay per database work at a time, which
 * keeps the events of one key in commit order even when a service runs several replicas.
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
     * Publishes one batch of unpublished rows.
     *
     * @return how many rows were published; 0 when there was nothing to do or another relay holds the lock
     */
    public int relayBatch() {
        Integer published = tx.execute(status -> {
            boolean leader = jdbc.sql("select pg_try_advisory_xact_lock(:lock)")
                    .param("lock", RELAY_LOCK)
                    .query(Boolean.class)
                    .single();
            if (!leader) {
                return 0;
            }
            List<Row> rows = jdbc.sql("""
                    select id, topic, message_key, type, payload::text as payload
                    from outbox_event where published_at is null order by position limit :limit
                    """)
                    .param("limit", settings.batchSize())
                    .query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getString("topic"),
                            rs.getString("message_key"), rs.getString("type"), rs.getString("payload")))
                    .list();
            if (rows.isEmpty()) {
                return 0;
            }
            List<CompletableFuture<?>> acks = new ArrayList<>(rows.size());
            for (Row row : rows) {
                var record = new ProducerRecord<>(row.topic(), row.key(), row.payload());
                record.headers().add("event-id", row.id().toString().getBytes(StandardCharsets.UTF_8));
                record.headers().add("event-type", row.type().getBytes(StandardCharsets.UTF_8));
                acks.add(kafka.send(record));
            }
            try {
                CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                        .get(settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while publishing", ex);
            }
            catch (Exception ex) {
                throw new IllegalStateException("Kafka did not acknowledge the batch", ex);
            }
            jdbc.sql("update outbox_event set published_at = now() where id in (:ids)")
                    .param("ids", rows.stream().map(Row::id).toList())
                    .update();
            return rows.size();
        });
        return published == null ? 0 : published;
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
        // Stops before the Kafka producer and the data source are closed.
        return SmartLifecycle.DEFAULT_PHASE - 1;
    }

    private record Row(UUID id, String topic, String key, String type, String payload) {
    }
}
