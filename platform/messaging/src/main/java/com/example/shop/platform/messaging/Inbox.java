package com.example.shop.platform.messaging;

import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes a consumer idempotent: the event id is recorded in {@code inbox_event} in the same transaction as
 * the consumer's effect, so a redelivered event finds its id and is skipped, and an effect whose
 * transaction rolled back leaves no id behind and is applied on the next delivery.
 */
public final class Inbox {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    Inbox(JdbcClient jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /**
     * Applies {@code effect} unless this consumer has already processed the event.
     *
     * @param consumer a stable name for the consumer, for example {@code loyalty}
     * @return {@code true} when the effect was applied now, {@code false} for a duplicate
     */
    public boolean processOnce(String consumer, EventEnvelope event, Consumer<EventEnvelope> effect) {
        Boolean applied = tx.execute(status -> {
            int recorded = jdbc.sql("""
                    insert into inbox_event (consumer, event_id, type, received_at)
                    values (:consumer, :id, :type, now())
                    on conflict do nothing
                    """)
                    .param("consumer", consumer)
                    .param("id", event.id())
                    .param("type", event.type())
                    .update();
            if (recorded == 0) {
                return false;
            }
            effect.accept(event);
            return true;
        });
        return Boolean.TRUE.equals(applied);
    }
}
