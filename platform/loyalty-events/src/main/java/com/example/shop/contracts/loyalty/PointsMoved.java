package com.example.shop.contracts.loyalty;

import java.time.Instant;
import java.util.UUID;

/**
 * One ledger entry, the data of every points event: {@value LoyaltyEvents#POINTS_EARNED} (an order was
 * confirmed), {@value LoyaltyEvents#POINTS_REDEEMED} (spent as a discount at checkout),
 * {@value LoyaltyEvents#POINTS_RESTORED} (redeemed points given back: the order was rejected, cancelled or
 * refunded), {@value LoyaltyEvents#POINTS_REVERSED} (earned points taken back: cancelled or refunded),
 * {@value LoyaltyEvents#POINTS_EXPIRED}, {@value LoyaltyEvents#POINTS_ADJUSTED} (an admin's goodwill credit or
 * correction).
 *
 * @param points signed: what the entry adds to the balance
 * @param balance the customer's balance after the entry
 * @param orderId the order the entry is about, {@code null} for expiry
 * @param sourceEventId the event that caused the entry (each source event is counted once), {@code null} for
 *     expiry
 */
public record PointsMoved(UUID entryId, UUID customerId, UUID orderId, long points, long balance,
        UUID sourceEventId, Instant occurredAt) {
}
