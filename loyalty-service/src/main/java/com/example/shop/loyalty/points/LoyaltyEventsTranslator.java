package com.example.shop.loyalty.points;

import java.time.Instant;

import com.example.shop.contracts.loyalty.PointsMoved;
import com.example.shop.contracts.loyalty.TierChanged;

/** Turns ledger entries and tier moves into the published events of {@code platform/loyalty-events}. */
final class LoyaltyEventsTranslator {

    private LoyaltyEventsTranslator() {
    }

    static PointsMoved pointsMoved(LedgerEntry entry) {
        return new PointsMoved(entry.id(), entry.customerId().value(),
                entry.orderId() == null ? null : entry.orderId().value(), entry.points(), entry.balanceAfter(),
                entry.sourceEventId(), entry.occurredAt());
    }

    static TierChanged tierChanged(CustomerId customer, Tier from, Tier to, long pointsInWindow, Instant at) {
        return new TierChanged(customer.value(), from.name(), to.name(), pointsInWindow, at);
    }
}
