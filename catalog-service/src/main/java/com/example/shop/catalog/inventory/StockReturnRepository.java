package com.example.shop.catalog.inventory;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Received returns in PostgreSQL: one row per return id, whether or not its goods were restocked. */
@Repository
class StockReturnRepository {

    private final JdbcClient jdbc;

    StockReturnRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records the return. A concurrent transaction recording the same return waits here until this one ends,
     * then finds the row taken.
     *
     * @return {@code true} when this transaction recorded it first
     */
    boolean claim(ReturnId returnId, OrderId orderId, boolean restocked, Instant receivedAt) {
        return jdbc.sql("""
                insert into stock_return (return_id, order_id, restocked, received_at)
                values (:returnId, :orderId, :restocked, :receivedAt)
                on conflict (return_id) do nothing
                """)
                .param("returnId", returnId.value())
                .param("orderId", orderId.value())
                .param("restocked", restocked)
                .param("receivedAt", receivedAt == null ? null : Timestamp.from(receivedAt))
                .update() == 1;
    }
}
