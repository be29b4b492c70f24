package com.example.shop.loyalty.points;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.example.shop.contracts.loyalty.LoyaltyEvents;
import com.example.shop.platform.messaging.Outbox;

/**
 * The customer's account and ledger, and the only code that changes them. Every change runs in the caller's
 * transaction under the customer's lock ({@link #open(CustomerId)}), writes one ledger entry, moves the
 * balance by exactly the entry's points and publishes the entry through the outbox, so balance = sum of the
 * ledger and every entry is published once, or none of it happened.
 *
 * <p>Credits are lots that expire; debits take from the lots that expire first (a reversal first from the
 * order's own lot), so the unexpired remainder of the lots always adds up to the balance.
 */
@Component
public class Ledger {

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final Clock clock;
    private final LoyaltyProperties properties;

    Ledger(JdbcClient jdbc, Outbox outbox, Clock clock, LoyaltyProperties properties) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.clock = clock;
        this.properties = properties;
    }

    /**
     * Takes the customer's lock for the rest of the transaction and returns their account, opening an empty
     * one on first use. Empty when the customer has been deleted: nothing may be recorded about them again.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Account> open(CustomerId customer) {
        lock(customer);
        if (isDeleted(customer)) {
            return Optional.empty();
        }
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                insert into loyalty_account (customer_id, tier_reviewed_at, created_at, updated_at)
                values (:customer, :now, :now, :now)
                on conflict (customer_id) do nothing
                """)
                .param("customer", customer.value())
                .param("now", now)
                .update();
        return Optional.of(jdbc.sql("select customer_id, balance, held, tier from loyalty_account where customer_id = :customer for update")
                .param("customer", customer.value())
                .query(Ledger::account)
                .single());
    }

    /**
     * The customer's lock alone (a transaction-scoped advisory lock): every change about one customer, their
     * deletion included, happens one at a time.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lock(CustomerId customer) {
        jdbc.sql("select pg_advisory_xact_lock(:key)").param("key", customer.lockKey()).query((rs, n) -> 1).list();
    }

    public boolean isDeleted(CustomerId customer) {
        return jdbc.sql("select exists (select 1 from loyalty_deleted_customer where customer_id = :customer)")
                .param("customer", customer.value())
                .query(Boolean.class)
                .single();
    }

    /**
     * Adds points: one entry and a lot that expires {@code shop.loyalty.expiry-after} after {@code occurredAt}.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Account credit(Account account, EntryKind kind, long points, OrderId order, UUID sourceEventId,
            String reason, Instant occurredAt) {
        if (points <= 0) {
            throw new IllegalArgumentException("a credit adds points: " + points);
        }
        Account after = new Account(account.customerId(), Math.addExact(account.balance(), points), account.held(),
                account.tier());
        var entry = new LedgerEntry(UUID.randomUUID(), account.customerId(), kind, points, after.balance(), order,
                sourceEventId, reason, occurredAt, points, occurredAt.plus(properties.expiryAfter()));
        record(entry, after);
        return after;
    }

    /**
     * Takes points that are available (not held). Callers decide what to do when there are not enough; asking
     * for more is a bug, refused here and by the database.
     *
     * @param preferLotsOf the order whose own lot is taken from first (a reversal), or {@code null}
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Account debit(Account account, EntryKind kind, long points, OrderId order, UUID sourceEventId,
            String reason, OrderId preferLotsOf) {
        if (points <= 0) {
            throw new IllegalArgumentException("a debit takes points: " + points);
        }
        if (points > account.available()) {
            throw new IllegalStateException("debit of " + points + " exceeds the " + account.available()
                    + " points available to " + account.customerId());
        }
        takeFromLots(account.customerId(), points, preferLotsOf);
        Account after = new Account(account.customerId(), account.balance() - points, account.held(), account.tier());
        var entry = new LedgerEntry(UUID.randomUUID(), account.customerId(), kind, -points, after.balance(), order,
                sourceEventId, reason, clock.instant(), null, null);
        record(entry, after);
        return after;
    }

    /** Moves points into ({@code delta > 0}) or out of the held part of the balance. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Account hold(Account account, long delta) {
        Account after = new Account(account.customerId(), account.balance(), account.held() + delta, account.tier());
        if (after.held() < 0 || after.held() > after.balance()) {
            throw new IllegalStateException("held points of " + account.customerId() + " would be " + after.held()
                    + " of a balance of " + after.balance());
        }
        jdbc.sql("update loyalty_account set held = :held, updated_at = :now where customer_id = :customer")
                .param("held", after.held())
                .param("now", Timestamp.from(clock.instant()))
                .param("customer", account.customerId().value())
                .update();
        return after;
    }

    /**
     * Sets the tier from the points earned over the window (recomputed after every change) and publishes
     * {@code loyalty.tier_changed.v1} when it moved.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Account reviewTier(Account account) {
        long points = pointsInWindow(account.customerId());
        Tier tier = Tier.forPoints(points);
        Instant now = clock.instant();
        jdbc.sql("update loyalty_account set tier = :tier, tier_reviewed_at = :now where customer_id = :customer")
                .param("tier", tier.name())
                .param("now", Timestamp.from(now))
                .param("customer", account.customerId().value())
                .update();
        if (tier == account.tier()) {
            return account;
        }
        outbox.publish(LoyaltyEvents.TOPIC, account.customerId().toString(), LoyaltyEvents.TIER_CHANGED,
                LoyaltyEventsTranslator.tierChanged(account.customerId(), account.tier(), tier, points, now));
        return new Account(account.customerId(), account.balance(), account.held(), tier);
    }

    /**
     * Points earned over the tier window: the EARNED entries inside it, less what cancellations and refunds of
     * those orders took back (or could not take back).
     */
    public long pointsInWindow(CustomerId customer) {
        return jdbc.sql("""
                select coalesce(sum(e.points - coalesce(o.points_reversed + o.points_unrecoverable, 0)), 0)
                from loyalty_entry e left join loyalty_order o on o.order_id = e.order_id
                where e.customer_id = :customer and e.kind = 'EARNED' and e.occurred_at > :since
                """)
                .param("customer", customer.value())
                .param("since", Timestamp.from(clock.instant().minus(properties.tierWindow())))
                .query(Long.class)
                .single();
    }

    /** Points of lots that have expired and are not yet written off. */
    long expiredRemaining(CustomerId customer) {
        return jdbc.sql("""
                select coalesce(sum(remaining), 0) from loyalty_entry
                where customer_id = :customer and remaining > 0 and expires_at <= :now
                """)
                .param("customer", customer.value())
                .param("now", Timestamp.from(clock.instant()))
                .query(Long.class)
                .single();
    }

    /** Whether the account has an entry of this kind for this source (an event or an adjustment id). */
    Optional<LedgerEntry> entryFor(UUID sourceEventId, EntryKind kind) {
        return jdbc.sql("select * from loyalty_entry where source_event_id = :source and kind = :kind")
                .param("source", sourceEventId)
                .param("kind", kind.name())
                .query(Ledger::entry)
                .optional();
    }

    private void takeFromLots(CustomerId customer, long points, OrderId preferLotsOf) {
        List<Lot> lots = jdbc.sql("""
                select id, remaining from loyalty_entry
                where customer_id = :customer and remaining > 0
                order by case when order_id = cast(:prefer as uuid) then 0 else 1 end, expires_at, position
                """)
                .param("customer", customer.value())
                .param("prefer", preferLotsOf == null ? null : preferLotsOf.value())
                .query((rs, n) -> new Lot(rs.getObject("id", UUID.class), rs.getLong("remaining")))
                .list();
        long left = points;
        for (Lot lot : lots) {
            if (left == 0) {
                break;
            }
            long take = Math.min(left, lot.remaining());
            jdbc.sql("update loyalty_entry set remaining = remaining - :take where id = :id")
                    .param("take", take)
                    .param("id", lot.id())
                    .update();
            left -= take;
        }
        if (left > 0) {
            // The lots add up to the balance; if they do not, stop before the ledger goes wrong.
            throw new IllegalStateException("lots of " + customer + " are " + left + " points short of the balance");
        }
    }

    private void record(LedgerEntry entry, Account after) {
        jdbc.sql("""
                insert into loyalty_entry (id, customer_id, kind, points, balance_after, order_id, source_event_id,
                    reason, occurred_at, remaining, expires_at)
                values (:id, :customer, :kind, :points, :balanceAfter, :order, :source, :reason, :occurredAt,
                    :remaining, :expiresAt)
                """)
                .param("id", entry.id())
                .param("customer", entry.customerId().value())
                .param("kind", entry.kind().name())
                .param("points", entry.points())
                .param("balanceAfter", entry.balanceAfter())
                .param("order", entry.orderId() == null ? null : entry.orderId().value(), java.sql.Types.OTHER)
                .param("source", entry.sourceEventId(), java.sql.Types.OTHER)
                .param("reason", entry.reason())
                .param("occurredAt", Timestamp.from(entry.occurredAt()))
                .param("remaining", entry.remaining(), java.sql.Types.BIGINT)
                .param("expiresAt", entry.expiresAt() == null ? null : Timestamp.from(entry.expiresAt()),
                        java.sql.Types.TIMESTAMP)
                .update();
        jdbc.sql("update loyalty_account set balance = :balance, updated_at = :now where customer_id = :customer")
                .param("balance", after.balance())
                .param("now", Timestamp.from(clock.instant()))
                .param("customer", after.customerId().value())
                .update();
        String type = switch (entry.kind()) {
            case EARNED -> LoyaltyEvents.POINTS_EARNED;
            case REDEEMED -> LoyaltyEvents.POINTS_REDEEMED;
            case RESTORED -> LoyaltyEvents.POINTS_RESTORED;
            case REVERSED -> LoyaltyEvents.POINTS_REVERSED;
            case EXPIRED -> LoyaltyEvents.POINTS_EXPIRED;
            case ADJUSTED -> LoyaltyEvents.POINTS_ADJUSTED;
        };
        outbox.publish(LoyaltyEvents.TOPIC, entry.customerId().toString(), type, LoyaltyEventsTranslator.pointsMoved(entry));
    }

    static Account account(ResultSet rs, int row) throws SQLException {
        return new Account(new CustomerId(rs.getObject("customer_id", UUID.class)), rs.getLong("balance"),
                rs.getLong("held"), Tier.valueOf(rs.getString("tier")));
    }

    static LedgerEntry entry(ResultSet rs, int row) throws SQLException {
        UUID order = rs.getObject("order_id", UUID.class);
        long remaining = rs.getLong("remaining");
        Long lot = rs.wasNull() ? null : remaining;
        Timestamp expiresAt = rs.getTimestamp("expires_at");
        return new LedgerEntry(rs.getObject("id", UUID.class), new CustomerId(rs.getObject("customer_id", UUID.class)),
                EntryKind.valueOf(rs.getString("kind")), rs.getLong("points"), rs.getLong("balance_after"),
                order == null ? null : new OrderId(order), rs.getObject("source_event_id", UUID.class),
                rs.getString("reason"), rs.getTimestamp("occurred_at").toInstant(), lot,
                expiresAt == null ? null : expiresAt.toInstant());
    }

    private record Lot(UUID id, long remaining) {
    }
}
