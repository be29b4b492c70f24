package com.example.shop.loyalty.points;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;

/**
 * Money paid back on an order (a return).
 *
 * @param refundKey what makes the refund one refund (the return id; the event id when there is none)
 * @param amount what this refund paid back
 * @param totalRefunded everything refunded on the order so far, as order-service counts it
 * @param linesValue the value of the refunded lines at their prices, used only for orders paid entirely with
 *     points (no money to take a proportion of)
 */
public record OrderRefund(UUID eventId, OrderId orderId, CustomerId customerId, UUID refundKey, BigDecimal amount,
        BigDecimal totalRefunded, BigDecimal linesValue) implements OrderReversal {

    public OrderRefund {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(refundKey, "refundKey");
        Objects.requireNonNull(amount, "amount");
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("a refund amount is not negative");
        }
        totalRefunded = totalRefunded == null ? BigDecimal.ZERO : totalRefunded;
        linesValue = linesValue == null ? BigDecimal.ZERO : linesValue;
    }
}
