package com.example.shop.catalog.inventory;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.example.shop.catalog.product.ProductId;

/** Reservations and their lines in PostgreSQL. */
@Repository
class ReservationRepository {

    private final JdbcClient jdbc;

    ReservationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims the order id. A concurrent transaction that claims the same id waits here until this one ends,
     * then finds the row taken.
     *
     * @return {@code true} when this transaction created the reservation
     */
    boolean claim(OrderId orderId, ReservationStatus status, Instant expiresAt) {
        return jdbc.sql("""
                insert into reservation (order_id, status, expires_at, created_at, updated_at)
                values (:orderId, :status, :expiresAt, now(), now())
                on conflict (order_id) do nothing
                """)
                .param("orderId", orderId.value())
                .param("status", status.name())
                .param("expiresAt", Timestamp.from(expiresAt))
                .update() == 1;
    }

    void addLines(OrderId orderId, Collection<ReservationLine> lines) {
        for (ReservationLine line : lines) {
            jdbc.sql("insert into reservation_line (order_id, product_id, quantity) values (:orderId, :productId, :quantity)")
                    .param("orderId", orderId.value())
                    .param("productId", line.productId().value())
                    .param("quantity", line.quantity())
                    .update();
        }
    }

    void setStatus(OrderId orderId, ReservationStatus status) {
        jdbc.sql("update reservation set status = :status, updated_at = now() where order_id = :orderId")
                .param("status", status.name())
                .param("orderId", orderId.value())
                .update();
    }

    /**
     * Moves the reservation from {@code from} to {@code to} if it is still in {@code from}. Of two concurrent
     * callers exactly one sees {@code true}: the second waits for the first's row lock and then no longer
     * matches.
     */
    boolean transition(OrderId orderId, ReservationStatus from, ReservationStatus to) {
        return jdbc.sql("""
                update reservation set status = :to, updated_at = now()
                where order_id = :orderId and status = :from
                """)
                .param("to", to.name())
                .param("from", from.name())
                .param("orderId", orderId.value())
                .update() == 1;
    }

    /**
     * Locks up to {@code limit} RESERVED reservations whose expiry has passed, oldest first. Rows another
     * transaction holds (another replica's expiry job, a release or commit in progress) are skipped, not
     * waited for, so concurrent jobs share the work and never expire the same reservation.
     */
    List<OrderId> lockDue(Instant now, int limit) {
        return jdbc.sql("""
                select order_id from reservation
                where status = 'RESERVED' and expires_at <= :now
                order by expires_at
                limit :limit
                for update skip locked
                """)
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query((rs, row) -> new OrderId(rs.getObject("order_id", UUID.class)))
                .list();
    }

    /** EXPIRED back to RESERVED with a new expiry; {@code true} for exactly one of concurrent callers. */
    boolean renewExpired(OrderId orderId, Instant expiresAt) {
        return jdbc.sql("""
                update reservation set status = 'RESERVED', expires_at = :expiresAt, updated_at = now()
                where order_id = :orderId and status = 'EXPIRED'
                """)
                .param("expiresAt", Timestamp.from(expiresAt))
                .param("orderId", orderId.value())
                .update() == 1;
    }

    /**
     * Reads the reservation's status and locks its row for the rest of the transaction, so the move decided
     * from it cannot race with another move of the same reservation (they all update this row). The expiry job
     * skips a locked row.
     */
    Optional<ReservationStatus> lock(OrderId orderId) {
        return jdbc.sql("select status from reservation where order_id = :orderId for update")
                .param("orderId", orderId.value())
                .query((rs, row) -> ReservationStatus.valueOf(rs.getString("status")))
                .optional();
    }

    /** Records units a shipment took out of the warehouse that the stock figures no longer had to give. */
    void recordShortfall(OrderId orderId, ProductId variant, int quantity) {
        jdbc.sql("insert into stock_shortfall (order_id, variant_id, quantity) values (:orderId, :variant, :quantity)")
                .param("orderId", orderId.value())
                .param("variant", variant.value())
                .param("quantity", quantity)
                .update();
    }

    Optional<ReservationStatus> status(OrderId orderId) {
        return jdbc.sql("select status from reservation where order_id = :orderId")
                .param("orderId", orderId.value())
                .query((rs, row) -> ReservationStatus.valueOf(rs.getString("status")))
                .optional();
    }

    List<ReservationLine> lines(OrderId orderId) {
        return jdbc.sql("select product_id, quantity from reservation_line where order_id = :orderId")
                .param("orderId", orderId.value())
                .query((rs, row) -> new ReservationLine(new ProductId(rs.getObject("product_id", UUID.class)),
                        rs.getInt("quantity")))
                .list();
    }
}
