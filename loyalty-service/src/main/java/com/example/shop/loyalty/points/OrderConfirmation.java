package com.example.shop.loyalty.points;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A confirmed order, as the programme sees it.
 *
 * @param eventId the event that reported it (the source of its entries)
 * @param amountDue what the customer paid, which earns points (the total for events from before discounts)
 * @param pointsRedeemed the points the order's discount was worth, to be spent
 */
public record OrderConfirmation(UUID eventId, OrderId orderId, CustomerId customerId, Money total, Money amountDue,
        long pointsRedeemed, Instant confirmedAt) {

    public OrderConfirmation {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(amountDue, "amountDue");
        Objects.requireNonNull(confirmedAt, "confirmedAt");
        if (pointsRedeemed < 0) {
            throw new IllegalArgumentException("pointsRedeemed must not be negative");
        }
    }
}
