package com.example.shop.loyalty.points;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * loyalty-service's part of the checkout saga: points held for an order (so two checkouts cannot spend the
 * same points), spent when the order is confirmed, released when it is rejected. One hold per order; asking
 * again answers the first outcome.
 */
@Service
public class Holds {

    private final JdbcClient jdbc;
    private final Ledger ledger;
    private final Clock clock;
    private final LoyaltyProperties properties;

    Holds(JdbcClient jdbc, Ledger ledger, Clock clock, LoyaltyProperties properties) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.clock = clock;
        this.properties = properties;
    }

    /** What {@code points} are worth in {@code currency}: points x {@code shop.loyalty.point-value}. */
    public Money worth(long points, String currency) {
        BigDecimal value = properties.pointValue().multiply(BigDecimal.valueOf(points));
        return new Money(value.setScale(Math.max(2, value.scale()), RoundingMode.DOWN), currency);
    }

    /**
     * The points a hold takes: those asked, but no more than the order needs. With {@code maxDiscount} (the
     * order's total) that is {@code min(points, ceil(maxDiscount / pointValue))}; should those points be worth
     * more than {@code maxDiscount} (the total is not a whole number of points), {@code floor} instead, so the
     * discount never exceeds the total and the customer pays the remainder of less than one point in money. At
     * 0.01 per point and totals in cents, ceil and floor agree and the total is covered exactly. Without
     * {@code maxDiscount} (callers from before it) every point asked.
     */
    public long needed(long points, Money maxDiscount) {
        if (maxDiscount == null || properties.pointValue().signum() <= 0) {
            return points;
        }
        BigDecimal ceiling = maxDiscount.amount().divide(properties.pointValue(), 0, RoundingMode.CEILING);
        long candidate = ceiling.min(BigDecimal.valueOf(points)).longValueExact();
        if (worth(candidate, maxDiscount.currency()).amount().compareTo(maxDiscount.amount()) <= 0) {
            return candidate;
        }
        return maxDiscount.amount().divide(properties.pointValue(), 0, RoundingMode.FLOOR).longValueExact();
    }

    /**
     * Holds the points the order needs ({@link #needed}) against the customer's available balance, or rejects the
     * hold when there are not enough (taking nothing). Under the customer's lock, so concurrent holds never hold
     * more than the balance. The outcome's points are those held (or, when rejected, those that were needed).
     *
     * @param maxDiscount the most the points may take off the order (its total), {@code null} for no limit
     */
    @Transactional
    public HoldOutcome hold(OrderId order, CustomerId customer, long asked, String currency, Money maxDiscount) {
        if (asked < 0) {
            throw new IllegalArgumentException("points to hold must not be negative");
        }
        if (maxDiscount != null && (maxDiscount.amount().signum() < 0 || !maxDiscount.currency().equals(currency))) {
            throw new IllegalArgumentException("maxDiscount must be a non-negative amount in " + currency);
        }
        long points = needed(asked, maxDiscount);
        Optional<Account> opened = ledger.open(customer);
        if (opened.isEmpty()) {
            // A deleted customer has no points; nothing about them is recorded again.
            return new HoldOutcome(order, HoldStatus.REJECTED, points, worth(0, currency), HoldOutcome.INSUFFICIENT_POINTS);
        }
        Optional<Hold> existing = locked(order);
        if (existing.isPresent()) {
            return outcome(existing.get(), points, currency);
        }
        Account account = opened.get();
        boolean covered = points <= account.available();
        HoldStatus status = covered ? HoldStatus.HELD : HoldStatus.REJECTED;
        String reason = covered ? null : HoldOutcome.INSUFFICIENT_POINTS;
        Money discount = worth(covered ? points : 0, currency);
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                insert into loyalty_hold (order_id, customer_id, points, status, currency, discount, reason, created_at, updated_at)
                values (:order, :customer, :points, :status, :currency, :discount, :reason, :now, :now)
                """)
                .param("order", order.value())
                .param("customer", customer.value())
                .param("points", points)
                .param("status", status.name())
                .param("currency", currency)
                .param("discount", discount.amount())
                .param("reason", reason)
                .param("now", now)
                .update();
        if (covered && points > 0) {
            ledger.hold(account, points);
        }
        return new HoldOutcome(order, status, points, discount, reason);
    }

    /**
     * Gives held points back. Releasing again, releasing a spent hold or one that was never made changes
     * nothing; a release that comes before its hold is remembered, so the late hold is refused rather than
     * left holding points for an order that is gone.
     */
    @Transactional
    public ReleaseOutcome release(OrderId order) {
        Optional<Hold> seen = find(order);
        if (seen.isEmpty()) {
            int recorded = jdbc.sql("""
                    insert into loyalty_hold (order_id, customer_id, points, status, created_at, updated_at)
                    values (:order, null, 0, 'RELEASED', :now, :now)
                    on conflict (order_id) do nothing
                    """)
                    .param("order", order.value())
                    .param("now", Timestamp.from(clock.instant()))
                    .update();
            if (recorded == 1) {
                return ReleaseOutcome.NONE;
            }
            // A hold was recorded between our look and our insert (the insert waited for it to commit).
            seen = find(order);
        }
        CustomerId customer = seen.map(Hold::customerId).orElse(null);
        // The customer's lock first, then the hold's row: the order every other change takes them in.
        Account account = customer == null ? null : ledger.open(customer).orElse(null);
        return releaseLocked(order, account);
    }

    private Optional<Hold> find(OrderId order) {
        return jdbc.sql("select * from loyalty_hold where order_id = :order")
                .param("order", order.value())
                .query(Holds::hold)
                .optional();
    }

    /** Release under the customer's lock ({@code account} is the locked account, or null when there is none). */
    @Transactional(propagation = Propagation.MANDATORY)
    ReleaseOutcome releaseLocked(OrderId order, Account account) {
        Optional<Hold> hold = locked(order);
        if (hold.isEmpty() || hold.get().customerId() == null) {
            return ReleaseOutcome.NONE;
        }
        return switch (hold.get().status()) {
            case SPENT -> ReleaseOutcome.SPENT;
            case RELEASED -> ReleaseOutcome.RELEASED;
            case REJECTED -> ReleaseOutcome.NONE;
            case HELD -> {
                if (account == null || !account.customerId().equals(hold.get().customerId())) {
                    // Only reachable when the hold appeared concurrently; the caller may ask again.
                    account = ledger.open(hold.get().customerId()).orElseThrow();
                }
                if (hold.get().points() > 0) {
                    ledger.hold(account, -hold.get().points());
                }
                setStatus(order, HoldStatus.RELEASED, hold.get().points(), hold.get().customerId());
                yield ReleaseOutcome.RELEASED;
            }
        };
    }

    /** The order's hold, locked for the rest of the transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<Hold> locked(OrderId order) {
        return jdbc.sql("select * from loyalty_hold where order_id = :order for update")
                .param("order", order.value())
                .query(Holds::hold)
                .optional();
    }

    /** Records what the order's confirmation did with the hold (SPENT, or RELEASED when nothing was redeemed). */
    @Transactional(propagation = Propagation.MANDATORY)
    void settle(OrderId order, CustomerId customer, long redeemed, Optional<Hold> hold) {
        HoldStatus status = redeemed > 0 ? HoldStatus.SPENT : HoldStatus.RELEASED;
        if (hold.isEmpty()) {
            if (redeemed > 0) {
                Timestamp now = Timestamp.from(clock.instant());
                jdbc.sql("""
                        insert into loyalty_hold (order_id, customer_id, points, status, created_at, updated_at)
                        values (:order, :customer, :points, 'SPENT', :now, :now)
                        """)
                        .param("order", order.value())
                        .param("customer", customer.value())
                        .param("points", redeemed)
                        .param("now", now)
                        .update();
            }
            return;
        }
        if (redeemed > 0 || hold.get().status() == HoldStatus.HELD) {
            setStatus(order, status, redeemed > 0 ? redeemed : hold.get().points(), customer);
        }
    }

    private void setStatus(OrderId order, HoldStatus status, long points, CustomerId customer) {
        jdbc.sql("""
                update loyalty_hold set status = :status, points = :points, customer_id = :customer, updated_at = :now
                where order_id = :order
                """)
                .param("status", status.name())
                .param("points", points)
                .param("customer", customer.value())
                .param("now", Timestamp.from(clock.instant()))
                .param("order", order.value())
                .update();
    }

    /** The customer's holds, newest first. */
    public List<Hold> of(CustomerId customer) {
        return jdbc.sql("select * from loyalty_hold where customer_id = :customer order by created_at desc, order_id")
                .param("customer", customer.value())
                .query(Holds::hold)
                .list();
    }

    private HoldOutcome outcome(Hold hold, long asked, String currency) {
        return switch (hold.status()) {
            case HELD, SPENT -> new HoldOutcome(hold.orderId(), HoldStatus.HELD, hold.points(),
                    hold.discount() != null ? hold.discount() : worth(hold.points(), currency), null);
            case REJECTED -> new HoldOutcome(hold.orderId(), HoldStatus.REJECTED, hold.points(),
                    worth(0, hold.discount() != null ? hold.discount().currency() : currency), hold.reason());
            case RELEASED -> new HoldOutcome(hold.orderId(), HoldStatus.REJECTED, asked, worth(0, currency),
                    HoldOutcome.HOLD_RELEASED);
        };
    }

    static Hold hold(ResultSet rs, int row) throws SQLException {
        UUID customer = rs.getObject("customer_id", UUID.class);
        BigDecimal discount = rs.getBigDecimal("discount");
        String currency = rs.getString("currency");
        return new Hold(new OrderId(rs.getObject("order_id", UUID.class)), customer == null ? null : new CustomerId(customer),
                rs.getLong("points"), HoldStatus.valueOf(rs.getString("status")),
                discount == null || currency == null ? null : new Money(discount, currency), rs.getString("reason"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
