package com.example.shop.loyalty.points.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonFormat;

import com.example.shop.loyalty.points.Hold;
import com.example.shop.loyalty.points.LedgerEntry;
import com.example.shop.loyalty.points.LoyaltyReads;
import com.example.shop.loyalty.points.Money;
import com.example.shop.loyalty.points.Problems;

/** The JSON documents of the loyalty API, translated from the domain's records. */
final class LoyaltyViews {

    private LoyaltyViews() {
    }

    /** An amount: a decimal string and a currency, as everywhere in the shop. */
    record MoneyView(@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, String currency) {

        static MoneyView of(Money money) {
            return money == null ? null : new MoneyView(money.amount(), money.currency());
        }
    }

    /** {@code GET /api/customers/me/loyalty}. */
    record LoyaltyView(UUID customerId, long points, long held, long available, String tier, long pointsLast12Months,
            String nextTier, Long pointsToNextTier, String benefit, BigDecimal pointValue) {

        static LoyaltyView of(LoyaltyReads.Summary s) {
            return new LoyaltyView(s.customerId().value(), s.points(), s.held(), s.available(), s.tier().name(),
                    s.pointsLast12Months(), s.nextTier() == null ? null : s.nextTier().name(), s.pointsToNextTier(),
                    s.benefit(), s.pointValue());
        }
    }

    /**
     * One ledger entry.
     *
     * @param remaining for credits, what of them is neither spent nor expired
     * @param expiresAt for credits, when that remainder expires
     */
    record EntryView(UUID entryId, String kind, long points, long balanceAfter, UUID orderId, String reason,
            Instant occurredAt, Long remaining, Instant expiresAt) {

        static EntryView of(LedgerEntry e) {
            return new EntryView(e.id(), e.kind().name(), e.points(), e.balanceAfter(),
                    e.orderId() == null ? null : e.orderId().value(), e.reason(), e.occurredAt(), e.remaining(),
                    e.expiresAt());
        }
    }

    /** {@code GET /api/customers/me/loyalty/ledger}: newest first. */
    record LedgerPageView(List<EntryView> items, int page, int size, long totalItems) {

        static LedgerPageView of(LoyaltyReads.LedgerPage page) {
            return new LedgerPageView(page.items().stream().map(EntryView::of).toList(), page.page(), page.size(),
                    page.totalItems());
        }
    }

    record HoldView(UUID orderId, String status, long points, MoneyView discount, String reason, Instant createdAt,
            Instant updatedAt) {

        static HoldView of(Hold h) {
            return new HoldView(h.orderId().value(), h.status().name(), h.points(), MoneyView.of(h.discount()),
                    h.reason(), h.createdAt(), h.updatedAt());
        }
    }

    record ProblemView(UUID id, UUID orderId, String kind, long points, String detail, Instant occurredAt) {

        static ProblemView of(Problems.Problem p) {
            return new ProblemView(p.id(), p.orderId() == null ? null : p.orderId().value(), p.kind().name(), p.points(),
                    p.detail(), p.occurredAt());
        }
    }

    /** {@code GET /api/admin/loyalty/{customerId}}. */
    record AdminAccountView(LoyaltyView account, LedgerPageView ledger, List<HoldView> holds, List<ProblemView> problems) {
    }

    /** {@code POST /api/admin/loyalty/{customerId}/adjustments}: the entry and the account after it. */
    record AdjustmentView(EntryView entry, LoyaltyView account) {
    }

    /** {@code GET /internal/customers/{customerId}/personal-data}. */
    record PersonalDataView(String service, PersonalData data) {
    }

    record PersonalData(LoyaltyView account, List<EntryView> ledger, List<HoldView> holds) {
    }
}
