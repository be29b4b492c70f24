package com.example.shop.order.ordering;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores the returns of orders and their lines. */
@Repository
public class ReturnRepository {

    private final JdbcClient jdbc;

    ReturnRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(OrderReturn ret) {
        jdbc.sql("""
                insert into order_return (id, order_id, status, reason, requested_at)
                values (:id, :orderId, :status, :reason, :requestedAt)
                """)
                .param("id", ret.id().value())
                .param("orderId", ret.orderId().value())
                .param("status", ret.status().name())
                .param("reason", ret.reason())
                .param("requestedAt", Timestamp.from(ret.requestedAt()))
                .update();
        for (OrderReturn.Line line : ret.lines()) {
            jdbc.sql("""
                    insert into order_return_line (return_id, order_id, line_no, quantity)
                    values (:returnId, :orderId, :lineNo, :quantity)
                    """)
                    .param("returnId", ret.id().value())
                    .param("orderId", ret.orderId().value())
                    .param("lineNo", line.lineNo())
                    .param("quantity", line.quantity())
                    .update();
        }
    }

    /** Writes the return's status and what came with it; the order's row must be locked in this transaction. */
    public void update(OrderReturn ret) {
        jdbc.sql("""
                update order_return set status = :status, restocked = :restocked, received_at = :receivedAt,
                    refund_requested_at = :refundRequestedAt, refunded_at = :refundedAt, refund_amount = :amount,
                    refund_due = :due
                where id = :id
                """)
                .param("status", ret.status().name())
                .param("restocked", ret.restocked())
                .param("receivedAt", timestamp(ret.receivedAt()))
                .param("refundRequestedAt", timestamp(ret.refundRequestedAt()))
                .param("refundedAt", timestamp(ret.refundedAt()))
                .param("amount", ret.refunded() == null ? null : ret.refunded().amount())
                .param("due", ret.refundDue() == null ? null : ret.refundDue().amount())
                .param("id", ret.id().value())
                .update();
    }

    /** The order's returns, oldest first. */
    public List<OrderReturn> ofOrder(OrderId orderId) {
        Map<UUID, List<OrderReturn.Line>> lines = new LinkedHashMap<>();
        jdbc.sql("select return_id, line_no, quantity from order_return_line where order_id = :id order by line_no")
                .param("id", orderId.value())
                .query(rs -> {
                    lines.computeIfAbsent(rs.getObject(1, UUID.class), id -> new ArrayList<>())
                            .add(new OrderReturn.Line(rs.getInt(2), rs.getInt(3)));
                });
        return jdbc.sql("""
                select r.*, o.currency from order_return r join orders o on o.id = r.order_id
                where r.order_id = :id order by r.requested_at, r.id
                """)
                .param("id", orderId.value())
                .query((rs, n) -> row(rs, lines.getOrDefault(rs.getObject("id", UUID.class), List.of())))
                .list();
    }

    public Optional<OrderReturn> find(OrderId orderId, ReturnId id) {
        return ofOrder(orderId).stream().filter(ret -> ret.id().equals(id)).findFirst();
    }

    private static OrderReturn row(ResultSet rs, List<OrderReturn.Line> lines) throws SQLException {
        BigDecimal amount = rs.getBigDecimal("refund_amount");
        BigDecimal due = rs.getBigDecimal("refund_due");
        Object restocked = rs.getObject("restocked");
        return new OrderReturn(new ReturnId(rs.getObject("id", UUID.class)),
                new OrderId(rs.getObject("order_id", UUID.class)), ReturnStatus.valueOf(rs.getString("status")),
                lines, rs.getString("reason"), (Boolean) restocked, instant(rs, "requested_at"),
                instant(rs, "received_at"), instant(rs, "refund_requested_at"), instant(rs, "refunded_at"),
                amount == null ? null : new Money(amount, rs.getString("currency")),
                due == null ? null : new Money(due, rs.getString("currency")));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
