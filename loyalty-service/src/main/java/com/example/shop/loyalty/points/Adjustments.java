package com.example.shop.loyalty.points;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Administrators' corrections of a balance: one ADJUSTED entry per adjustment id. */
@Service
public class Adjustments {

    private final Ledger ledger;
    private final Clock clock;

    Adjustments(Ledger ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    /**
     * Adds (or, negative, deducts) points. Idempotent per {@code adjustmentId}: asking again returns the first
     * entry. A deduction never takes the balance below what is held, nor below zero.
     *
     * @throws AdjustmentRefusedException when the deduction is not covered, the customer was deleted, or the
     *     adjustment id was used for something else
     */
    @Transactional
    public LedgerEntry adjust(CustomerId customer, long points, String reason, UUID adjustmentId) {
        Optional<LedgerEntry> first = ledger.entryFor(adjustmentId, EntryKind.ADJUSTED);
        if (first.isPresent()) {
            return sameOrRefuse(first.get(), customer, points);
        }
        Account account = ledger.open(customer).orElseThrow(() -> new AdjustmentRefusedException(
                AdjustmentRefusedException.Reason.CUSTOMER_DELETED, "Customer " + customer + " was deleted."));
        // Under the customer's lock: a concurrent request with the same id has committed by now.
        first = ledger.entryFor(adjustmentId, EntryKind.ADJUSTED);
        if (first.isPresent()) {
            return sameOrRefuse(first.get(), customer, points);
        }
        if (points < 0 && -points > account.available()) {
            throw new AdjustmentRefusedException(AdjustmentRefusedException.Reason.INSUFFICIENT_POINTS,
                    "Cannot deduct " + -points + " points: " + account.available() + " are available.");
        }
        Account after = points > 0
                ? ledger.credit(account, EntryKind.ADJUSTED, points, null, adjustmentId, reason, clock.instant())
                : ledger.debit(account, EntryKind.ADJUSTED, -points, null, adjustmentId, reason, null);
        ledger.reviewTier(after);
        return ledger.entryFor(adjustmentId, EntryKind.ADJUSTED).orElseThrow();
    }

    private static LedgerEntry sameOrRefuse(LedgerEntry first, CustomerId customer, long points) {
        if (!first.customerId().equals(customer) || first.points() != points) {
            throw new AdjustmentRefusedException(AdjustmentRefusedException.Reason.ADJUSTMENT_ID_REUSED,
                    "Adjustment " + first.sourceEventId() + " was already made with other values.");
        }
        return first;
    }
}
