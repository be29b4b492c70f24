package com.example.shop.loyalty.points;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Points along an order's life: a confirmation spends the checkout's hold and earns points; a cancellation
 * takes back everything earned and restores everything redeemed; each refund does the same in proportion to
 * the money paid back, the refund that completes the order's refunds taking exactly the rest.
 *
 * <p>Each change is counted once: the consumer's inbox skips a redelivered event, the order's row makes a second
 * confirmation (under a new event id) a no-op, refunds count once per return, and the ledger's unique
 * constraints stand behind all of it. A cancellation or refund that arrives before its order's confirmation is
 * parked and applied in the transaction that records the confirmation, so any arrival order converges to the
 * same ledger.
 */
@Service
public class OrderPoints {

    static final String REASON_CONFIRMED = "ORDER_CONFIRMED";
    static final String REASON_CANCELLED = "ORDER_CANCELLED";
    static final String REASON_REFUNDED = "ORDER_REFUNDED";

    private static final Logger log = LoggerFactory.getLogger(OrderPoints.class);

    private final Ledger ledger;
    private final Holds holds;
    private final LoyaltyOrders orders;
    private final Problems problems;
    private final Clock clock;

    OrderPoints(Ledger ledger, Holds holds, LoyaltyOrders orders, Problems problems, Clock clock) {
        this.ledger = ledger;
        this.holds = holds;
        this.orders = orders;
        this.problems = problems;
        this.clock = clock;
    }

    /**
     * Spends the order's hold (a REDEEMED entry of the points the hold recorded, whatever the event reports; the
     * event's {@code pointsRedeemed} is used only when there is no hold) and earns
     * {@code floor(amountDue) x} the tier's multiplier (an EARNED entry dated at the confirmation, so it expires
     * twelve months after it). A redemption with no hold is taken if the balance allows; what it does not cover
     * is recorded as a problem, never taken into the negative.
     */
    @Transactional
    public void confirmed(OrderConfirmation confirmation) {
        Optional<Account> opened = ledger.open(confirmation.customerId());
        if (opened.isEmpty()) {
            log.info("Ignoring confirmation of order {}: customer {} was deleted", confirmation.orderId(),
                    confirmation.customerId());
            return;
        }
        if (!orders.insert(confirmation)) {
            log.info("Order {} was already confirmed; event {} changes nothing", confirmation.orderId(),
                    confirmation.eventId());
            return;
        }
        // The tier the customer is in now decides the multiplier (points may have left the window meanwhile).
        Account account = ledger.reviewTier(opened.get());
        OrderId order = confirmation.orderId();

        Optional<Hold> hold = holds.locked(order);
        long asked = confirmation.pointsRedeemed();
        if (hold.isPresent() && hold.get().status() == HoldStatus.HELD) {
            long held = hold.get().points();
            if (held > 0) {
                account = ledger.hold(account, -held);
            }
            // The hold is what the order's discount was priced from; the event's figure only echoes it.
            if (asked != held) {
                log.warn("Order {} reports {} points redeemed but {} were held; spending the hold", order, asked, held);
            }
            asked = held;
        }
        long redeemed = Math.min(asked, account.available());
        if (redeemed < asked) {
            problems.record(confirmation.customerId(), order, Problems.Kind.REDEMPTION_NOT_COVERED, asked - redeemed,
                    "order redeemed " + asked + " points, the balance covered " + redeemed);
        }
        if (redeemed > 0) {
            account = ledger.debit(account, EntryKind.REDEEMED, redeemed, order, confirmation.eventId(),
                    REASON_CONFIRMED, null);
        }
        holds.settle(order, confirmation.customerId(), redeemed, hold);

        long earned = account.tier().pointsFor(confirmation.amountDue().amount());
        if (earned > 0) {
            Instant now = clock.instant();
            Instant earnedAt = confirmation.confirmedAt().isAfter(now) ? now : confirmation.confirmedAt();
            account = ledger.credit(account, EntryKind.EARNED, earned, order, confirmation.eventId(), REASON_CONFIRMED,
                    earnedAt);
        }
        LoyaltyOrder recorded = orders.locked(order).orElseThrow();
        recorded = withPoints(recorded, earned, redeemed);
        orders.update(recorded);
        account = ledger.reviewTier(account);

        for (OrderReversal parked : orders.unpark(order)) {
            log.info("Applying {} {} of order {} that arrived before the confirmation", parked.getClass().getSimpleName(),
                    parked.eventId(), order);
            LoyaltyOrder current = orders.locked(order).orElseThrow();
            account = switch (parked) {
                case OrderCancellation cancellation -> applyCancellation(account, current, cancellation);
                case OrderRefund refund -> applyRefund(account, current, refund);
            };
        }
    }

    /** Restores everything the order redeemed and reverses everything it earned that is not yet taken back. */
    @Transactional
    public void cancelled(OrderCancellation cancellation) {
        reverse(cancellation);
    }

    /**
     * Restores {@code floor(redeemed x refunded / amountDue)} and reverses {@code floor(earned x refunded / amountDue)},
     * counted over all of the order's refunds so far; once the refunds reach the amount due, everything left.
     */
    @Transactional
    public void refunded(OrderRefund refund) {
        reverse(refund);
    }

    private void reverse(OrderReversal reversal) {
        // The order's own customer is the one whose points move; the event's is used only for an unknown order.
        CustomerId customer = orders.customerOf(reversal.orderId()).orElse(reversal.customerId());
        Optional<Account> opened = ledger.open(customer);
        if (opened.isEmpty()) {
            log.info("Ignoring {} of order {}: customer {} was deleted", reversal.getClass().getSimpleName(),
                    reversal.orderId(), customer);
            return;
        }
        Optional<LoyaltyOrder> order = orders.locked(reversal.orderId());
        if (order.isEmpty()) {
            log.info("Parking {} {}: order {} is not confirmed here yet", reversal.getClass().getSimpleName(),
                    reversal.eventId(), reversal.orderId());
            switch (reversal) {
                case OrderCancellation cancellation -> orders.parkCancellation(cancellation);
                case OrderRefund refund -> orders.parkRefund(refund);
            }
            return;
        }
        switch (reversal) {
            case OrderCancellation cancellation -> applyCancellation(opened.get(), order.get(), cancellation);
            case OrderRefund refund -> applyRefund(opened.get(), order.get(), refund);
        }
    }

    private Account applyCancellation(Account account, LoyaltyOrder order, OrderCancellation cancellation) {
        if (order.cancelled()) {
            return account;
        }
        return settle(account, withCancelled(order), order.redeemedLeft(), order.earnedLeft(), cancellation.eventId(),
                REASON_CANCELLED);
    }

    private Account applyRefund(Account account, LoyaltyOrder order, OrderRefund refund) {
        if (!orders.recordRefund(refund)) {
            log.info("Refund {} of order {} was already counted", refund.refundKey(), order.orderId());
            return account;
        }
        BigDecimal refunded = order.refunded().add(refund.amount());
        BigDecimal refundedValue = order.refundedValue().add(refund.linesValue());
        LoyaltyOrder after = withRefunded(order, refunded, refundedValue);
        if (order.cancelled()) {
            orders.update(after);
            return account;
        }
        Share share = share(order, refunded, refundedValue, refund.totalRefunded());
        long restore = Math.max(0, share.of(order.redeemed()) - order.restored());
        long reverse = Math.max(0, share.of(order.earned()) - order.reversed() - order.unrecoverable());
        return settle(account, after, restore, reverse, refund.eventId(), REASON_REFUNDED);
    }

    /**
     * The share of the order its refunds have paid back: refunded / amount due, or all of it once the refunds
     * reach the amount due. An order paid entirely with points has no money to divide; its refunded lines'
     * value over the order's total stands in.
     */
    static Share share(LoyaltyOrder order, BigDecimal refunded, BigDecimal refundedValue, BigDecimal totalRefunded) {
        if (order.amountDue().signum() > 0) {
            boolean complete = refunded.compareTo(order.amountDue()) >= 0 || totalRefunded.compareTo(order.amountDue()) >= 0;
            return new Share(refunded, order.amountDue(), complete);
        }
        if (order.total().signum() > 0) {
            return new Share(refundedValue, order.total(), refundedValue.compareTo(order.total()) >= 0);
        }
        return new Share(BigDecimal.ZERO, BigDecimal.ONE, true);
    }

    /** A fraction {@code part / whole} of an order, or all of it when {@code complete}. */
    record Share(BigDecimal part, BigDecimal whole, boolean complete) {

        /** {@code floor(points x part / whole)}, never more than {@code points}; all of them when complete. */
        long of(long points) {
            if (complete) {
                return points;
            }
            long share = BigDecimal.valueOf(points).multiply(part).divide(whole, 0, RoundingMode.FLOOR).longValueExact();
            return Math.min(points, Math.max(0, share));
        }
    }

    /**
     * Gives back {@code restore} redeemed points and takes back {@code reverse} earned ones, the latter never
     * below what is available: the rest is recorded as unrecoverable (the customer has spent it).
     */
    private Account settle(Account account, LoyaltyOrder order, long restore, long reverse, java.util.UUID eventId,
            String reason) {
        // Restore first: points given back are there to cover what is taken back.
        if (restore > 0) {
            account = ledger.credit(account, EntryKind.RESTORED, restore, order.orderId(), eventId, reason,
                    clock.instant());
        }
        long taken = Math.min(reverse, account.available());
        if (taken > 0) {
            account = ledger.debit(account, EntryKind.REVERSED, taken, order.orderId(), eventId, reason, order.orderId());
        }
        long unrecoverable = reverse - taken;
        if (unrecoverable > 0) {
            problems.record(order.customerId(), order.orderId(), Problems.Kind.UNRECOVERABLE_POINTS, unrecoverable,
                    reason + ": " + reverse + " earned points to take back, " + taken + " available");
        }
        orders.update(new LoyaltyOrder(order.orderId(), order.customerId(), order.currency(), order.total(),
                order.amountDue(), order.earned(), order.redeemed(), order.reversed() + taken,
                order.unrecoverable() + unrecoverable, order.restored() + restore, order.refunded(),
                order.refundedValue(), order.cancelled()));
        return ledger.reviewTier(account);
    }

    private static LoyaltyOrder withPoints(LoyaltyOrder o, long earned, long redeemed) {
        return new LoyaltyOrder(o.orderId(), o.customerId(), o.currency(), o.total(), o.amountDue(), earned, redeemed,
                o.reversed(), o.unrecoverable(), o.restored(), o.refunded(), o.refundedValue(), o.cancelled());
    }

    private static LoyaltyOrder withCancelled(LoyaltyOrder o) {
        return new LoyaltyOrder(o.orderId(), o.customerId(), o.currency(), o.total(), o.amountDue(), o.earned(),
                o.redeemed(), o.reversed(), o.unrecoverable(), o.restored(), o.refunded(), o.refundedValue(), true);
    }

    private static LoyaltyOrder withRefunded(LoyaltyOrder o, BigDecimal refunded, BigDecimal refundedValue) {
        return new LoyaltyOrder(o.orderId(), o.customerId(), o.currency(), o.total(), o.amountDue(), o.earned(),
                o.redeemed(), o.reversed(), o.unrecoverable(), o.restored(), refunded, refundedValue, o.cancelled());
    }
}
