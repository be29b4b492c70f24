package com.example.shop.loyalty.points;

import java.time.Instant;
import java.util.UUID;

/**
 * One movement of points.
 *
 * @param points signed: what the entry added to the balance
 * @param balanceAfter the balance right after the entry
 * @param orderId the order it is about, {@code null} for expiry and adjustments
 * @param sourceEventId the event (or the adjustment id) that caused it; each makes at most one entry per kind
 * @param remaining for a credit, what of it is neither spent nor expired; {@code null} for debits
 * @param expiresAt for a credit, when its remaining points expire; {@code null} for debits
 */
public record LedgerEntry(UUID id, CustomerId customerId, EntryKind kind, long points, long balanceAfter,
        OrderId orderId, UUID sourceEventId, String reason, Instant occurredAt, Long remaining, Instant expiresAt) {
}
