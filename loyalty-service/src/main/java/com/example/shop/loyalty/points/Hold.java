package com.example.shop.loyalty.points;

import java.time.Instant;

/**
 * Points held for one order in checkout.
 *
 * @param customerId {@code null} for a release that arrived before any hold (kept so a late hold is refused)
 * @param discount what the points are worth in the order's currency, {@code null} when nothing was asked
 */
public record Hold(OrderId orderId, CustomerId customerId, long points, HoldStatus status, Money discount,
        String reason, Instant createdAt, Instant updatedAt) {
}
