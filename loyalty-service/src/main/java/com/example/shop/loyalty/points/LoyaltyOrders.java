package com.example.shop.loyalty.points;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Confirmed orders, their refunds, and order events parked until their order's confirmation arrives. */
@Repository
class LoyaltyOrders {

    private final JdbcClient jdbc;
    private final Clock clock;

    LoyaltyOrders(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records a confirmation; {@code false} when the order was already confirmed (under any event id). */
    boolean insert(OrderConfirmation confirmation) {
        return jdbc.sql("""
                insert into loyalty_order (order_id, customer_id, currency, total, amount_due, points_earned,
                    points_redeemed, confirmed_event_id, confirmed_at)
                values (:order, :customer, :currency, :total, :amountDue, 0, 0, :event, :confirmedAt)
                on conflict (order_id) do nothing
                """)
                .param("order", confirmation.orderId().value())
                .param("customer", confirmation.customerId().value())
                .param("currency", confirmation.amountDue().currency())
                .param("total", confirmation.total().amount())
                .param("amountDue", confirmation.amountDue().amount())
                .param("event", confirmation.eventId())
                .param("confirmedAt", Timestamp.from(confirmation.confirmedAt()))
                .update() == 1;
    }

    Optional<CustomerId> customerOf(OrderId order) {
        return jdbc.sql("select customer_id from loyalty_order where order_id = :order")
                .param("order", order.value())
                .query((rs, n) -> new CustomerId(rs.getObject("customer_id", UUID.class)))
                .optional();
    }

    Optional<LoyaltyOrder> locked(OrderId order) {
        return jdbc.sql("select * from loyalty_order where order_id = :order for update")
                .param("order", order.value())
                .query(LoyaltyOrders::order)
                .optional();
    }

    void update(LoyaltyOrder order) {
        jdbc.sql("""
                update loyalty_order set points_earned = :earned, points_redeemed = :redeemed,
                    points_reversed = :reversed, points_unrecoverable = :unrecoverable, points_restored = :restored,
                    refunded = :refunded, refunded_value = :refundedValue, cancelled = :cancelled
                where order_id = :order
                """)
                .param("earned", order.earned())
                .param("redeemed", order.redeemed())
                .param("reversed", order.reversed())
                .param("unrecoverable", order.unrecoverable())
                .param("restored", order.restored())
                .param("refunded", order.refunded())
                .param("refundedValue", order.refundedValue())
                .param("cancelled", order.cancelled())
                .param("order", order.orderId().value())
                .update();
    }

    /** Records a refund once per refund key; {@code false} when it was already recorded. */
    boolean recordRefund(OrderRefund refund) {
        return jdbc.sql("""
                insert into loyalty_order_refund (order_id, refund_key, amount, event_id, recorded_at)
                values (:order, :key, :amount, :event, :now)
                on conflict do nothing
                """)
                .param("order", refund.orderId().value())
                .param("key", refund.refundKey())
                .param("amount", refund.amount())
                .param("event", refund.eventId())
                .param("now", Timestamp.from(clock.instant()))
                .update() == 1;
    }

    void parkCancellation(OrderCancellation cancellation) {
        park(cancellation.eventId(), cancellation.orderId(), cancellation.customerId(), "CANCELLED", null, null, null, null);
    }

    void parkRefund(OrderRefund refund) {
        park(refund.eventId(), refund.orderId(), refund.customerId(), "REFUNDED", refund.refundKey(), refund.amount(),
                refund.totalRefunded(), refund.linesValue());
    }

    private void park(UUID event, OrderId order, CustomerId customer, String kind, UUID refundKey, BigDecimal amount,
            BigDecimal totalRefunded, BigDecimal linesValue) {
        jdbc.sql("""
                insert into loyalty_parked_event (event_id, order_id, customer_id, kind, refund_key, amount,
                    total_refunded, lines_value, parked_at)
                values (:event, :order, :customer, :kind, :refundKey, :amount, :totalRefunded, :linesValue, :now)
                on conflict (event_id) do nothing
                """)
                .param("event", event)
                .param("order", order.value())
                .param("customer", customer.value())
                .param("kind", kind)
                .param("refundKey", refundKey, java.sql.Types.OTHER)
                .param("amount", amount, java.sql.Types.NUMERIC)
                .param("totalRefunded", totalRefunded, java.sql.Types.NUMERIC)
                .param("linesValue", linesValue, java.sql.Types.NUMERIC)
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    /** The order's parked events in arrival order, removed from the park (the caller applies them). */
    List<OrderReversal> unpark(OrderId order) {
        List<OrderReversal> parked = jdbc.sql("select * from loyalty_parked_event where order_id = :order order by position")
                .param("order", order.value())
                .query((rs, n) -> {
                    UUID event = rs.getObject("event_id", UUID.class);
                    CustomerId customer = new CustomerId(rs.getObject("customer_id", UUID.class));
                    if ("CANCELLED".equals(rs.getString("kind"))) {
                        return (OrderReversal) new OrderCancellation(event, order, customer);
                    }
                    return new OrderRefund(event, order, customer, rs.getObject("refund_key", UUID.class),
                            rs.getBigDecimal("amount"), rs.getBigDecimal("total_refunded"), rs.getBigDecimal("lines_value"));
                })
                .list();
        jdbc.sql("delete from loyalty_parked_event where order_id = :order").param("order", order.value()).update();
        return parked;
    }

    static LoyaltyOrder order(ResultSet rs, int row) throws SQLException {
        return new LoyaltyOrder(new OrderId(rs.getObject("order_id", UUID.class)),
                new CustomerId(rs.getObject("customer_id", UUID.class)), rs.getString("currency"),
                rs.getBigDecimal("total"), rs.getBigDecimal("amount_due"), rs.getLong("points_earned"),
                rs.getLong("points_redeemed"), rs.getLong("points_reversed"), rs.getLong("points_unrecoverable"),
                rs.getLong("points_restored"), rs.getBigDecimal("refunded"), rs.getBigDecimal("refunded_value"),
                rs.getBoolean("cancelled"));
    }
}
