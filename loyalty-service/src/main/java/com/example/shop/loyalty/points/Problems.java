package com.example.shop.loyalty.points;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the programme could not do as asked, kept for administrators ({@code GET /api/admin/loyalty/{id}}) and
 * logged: the ledger is never pushed below zero to make an event fit.
 */
@Component
public class Problems {

    /** Kinds of problem. */
    public enum Kind {
        /** Earned points of a cancelled or refunded order had already been spent; the rest stays with the customer. */
        UNRECOVERABLE_POINTS,
        /** An order redeemed points without a hold and the balance could not cover them all. */
        REDEMPTION_NOT_COVERED
    }

    /** One recorded problem. */
    public record Problem(UUID id, CustomerId customerId, OrderId orderId, Kind kind, long points, String detail,
            Instant occurredAt) {
    }

    private static final Logger log = LoggerFactory.getLogger(Problems.class);

    private final JdbcClient jdbc;
    private final Clock clock;

    Problems(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void record(CustomerId customer, OrderId order, Kind kind, long points, String detail) {
        log.warn("Loyalty problem {} for customer {} order {}: {} points: {}", kind, customer, order, points, detail);
        jdbc.sql("""
                insert into loyalty_problem (id, customer_id, order_id, kind, points, detail, occurred_at)
                values (:id, :customer, :order, :kind, :points, :detail, :at)
                """)
                .param("id", UUID.randomUUID())
                .param("customer", customer.value())
                .param("order", order == null ? null : order.value(), java.sql.Types.OTHER)
                .param("kind", kind.name())
                .param("points", points)
                .param("detail", detail)
                .param("at", Timestamp.from(clock.instant()))
                .update();
    }

    public List<Problem> of(CustomerId customer) {
        return jdbc.sql("select * from loyalty_problem where customer_id = :customer order by occurred_at desc, id")
                .param("customer", customer.value())
                .query((rs, n) -> {
                    UUID order = rs.getObject("order_id", UUID.class);
                    return new Problem(rs.getObject("id", UUID.class), customer, order == null ? null : new OrderId(order),
                            Kind.valueOf(rs.getString("kind")), rs.getLong("points"), rs.getString("detail"),
                            rs.getTimestamp("occurred_at").toInstant());
                })
                .list();
    }
}
