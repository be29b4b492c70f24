package com.example.shop.customer.loyalty;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;

import com.example.shop.customer.account.CustomerId;

/**
 * A confirmed order that earns points, as the loyalty programme sees it.
 *
 * @param eventId the event that reported it, kept in the ledger for tracing
 */
public record QualifyingPurchase(UUID eventId, CustomerId customerId, UUID orderId, BigDecimal total) {

    public QualifyingPurchase {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(total, "total");
    }

    /** One point per whole currency unit of the order total; fractions and negative totals earn nothing. */
    public long points() {
        return Math.max(0, total.setScale(0, java.math.RoundingMode.FLOOR).longValueExact());
    }
}
