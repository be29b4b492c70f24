package com.example.shop.loyalty.points.messaging;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import com.example.shop.contracts.order.OrderCancelled;
import com.example.shop.contracts.order.OrderRefunded;
import com.example.shop.contracts.order.ReturnLine;
import com.example.shop.loyalty.points.CustomerId;
import com.example.shop.loyalty.points.Money;
import com.example.shop.loyalty.points.OrderCancellation;
import com.example.shop.loyalty.points.OrderConfirmation;
import com.example.shop.loyalty.points.OrderId;
import com.example.shop.loyalty.points.OrderRefund;
import com.example.shop.platform.messaging.EventEnvelope;
import com.example.shop.platform.messaging.Events;

/** Turns order-service's published events into the programme's own view of them. */
final class OrderEventsTranslator {

    private OrderEventsTranslator() {
    }

    /** Events from before checkout discounts carry no {@code amountDue}: the total was what was paid. */
    static OrderConfirmation confirmation(EventEnvelope event, OrderConfirmedView confirmed) {
        require(event, confirmed.orderId() != null && confirmed.customerId() != null && confirmed.total() != null
                && confirmed.total().amount() != null && confirmed.total().currency() != null,
                "orderId, customerId or total");
        long pointsRedeemed = confirmed.pointsRedeemed() == null ? 0 : confirmed.pointsRedeemed();
        require(event, pointsRedeemed >= 0, "a non-negative pointsRedeemed");
        var total = new Money(confirmed.total().amount(), confirmed.total().currency());
        var due = confirmed.amountDue() != null && confirmed.amountDue().amount() != null
                ? new Money(confirmed.amountDue().amount(),
                        Objects.requireNonNullElse(confirmed.amountDue().currency(), total.currency()))
                : total;
        Instant at = confirmed.confirmedAt() != null ? confirmed.confirmedAt()
                : event.time() != null ? event.time() : Instant.now();
        return new OrderConfirmation(event.id(), new OrderId(confirmed.orderId()), new CustomerId(confirmed.customerId()),
                total, due, pointsRedeemed, at);
    }

    static OrderCancellation cancellation(EventEnvelope event, OrderCancelled cancelled) {
        require(event, cancelled.orderId() != null && cancelled.customerId() != null, "orderId or customerId");
        return new OrderCancellation(event.id(), new OrderId(cancelled.orderId()), new CustomerId(cancelled.customerId()));
    }

    /** A refund without a return id is one refund per event. */
    static OrderRefund refund(EventEnvelope event, OrderRefunded refunded) {
        require(event, refunded.orderId() != null && refunded.customerId() != null, "orderId or customerId");
        require(event, refunded.amount() != null && refunded.amount().amount() != null
                && refunded.amount().amount().signum() >= 0, "a non-negative amount");
        UUID key = refunded.returnId() != null ? refunded.returnId() : event.id();
        BigDecimal total = refunded.totalRefunded() != null ? refunded.totalRefunded().amount() : null;
        return new OrderRefund(event.id(), new OrderId(refunded.orderId()), new CustomerId(refunded.customerId()), key,
                refunded.amount().amount(), total, linesValue(refunded.lines()));
    }

    private static BigDecimal linesValue(List<ReturnLine> lines) {
        BigDecimal value = BigDecimal.ZERO;
        if (lines == null) {
            return value;
        }
        for (ReturnLine line : lines) {
            if (line != null && line.unitPrice() != null && line.unitPrice().amount() != null && line.quantity() > 0) {
                value = value.add(line.unitPrice().amount().multiply(BigDecimal.valueOf(line.quantity())));
            }
        }
        return value;
    }

    static UUID orderId(EventEnvelope event, UUID orderId) {
        require(event, orderId != null, "orderId");
        return orderId;
    }

    private static void require(EventEnvelope event, boolean condition, String what) {
        if (!condition) {
            throw new Events.MalformedEventException(event.type() + " " + event.id() + " lacks " + what);
        }
    }
}
