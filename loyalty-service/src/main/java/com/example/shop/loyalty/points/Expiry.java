package com.example.shop.loyalty.points;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes off points whose lot has expired (oldest first, one EXPIRED entry per account and run) and reviews
 * SILVER and GOLD tiers whose points may have left the window while nothing happened on the account.
 *
 * <p>Instances share the work: each batch locks the accounts it takes with {@code for update skip locked}, so
 * two instances never handle one account at once, and an account busy with an order event is simply taken in
 * a later run. Points held for a checkout are not expired under it; they expire once the hold is settled.
 */
@Service
public class Expiry {

    static final String REASON_EXPIRED = "EXPIRED";

    private static final Logger log = LoggerFactory.getLogger(Expiry.class);

    private final JdbcClient jdbc;
    private final Ledger ledger;
    private final Clock clock;
    private final LoyaltyProperties properties;

    Expiry(JdbcClient jdbc, Ledger ledger, Clock clock, LoyaltyProperties properties) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.clock = clock;
        this.properties = properties;
    }

    /** One batch of accounts with expired points; returns how many accounts it took. */
    @Transactional
    public int expireDue() {
        List<Account> due = jdbc.sql("""
                select a.customer_id, a.balance, a.held, a.tier from loyalty_account a
                where a.balance > a.held and exists (
                    select 1 from loyalty_entry e
                    where e.customer_id = a.customer_id and e.remaining > 0 and e.expires_at <= :now)
                limit :limit
                for update of a skip locked
                """)
                .param("now", Timestamp.from(clock.instant()))
                .param("limit", properties.expiryBatchSize())
                .query(Ledger::account)
                .list();
        for (Account account : due) {
            long points = Math.min(ledger.expiredRemaining(account.customerId()), account.available());
            if (points > 0) {
                Account after = ledger.debit(account, EntryKind.EXPIRED, points, null, null, REASON_EXPIRED, null);
                ledger.reviewTier(after);
                log.info("Expired {} points of customer {}", points, account.customerId());
            }
        }
        return due.size();
    }

    /** One batch of SILVER and GOLD accounts not reviewed for {@code shop.loyalty.tier-review-after}. */
    @Transactional
    public int reviewTiers() {
        List<Account> due = jdbc.sql("""
                select customer_id, balance, held, tier from loyalty_account
                where tier <> 'BRONZE' and tier_reviewed_at <= :cutoff
                order by tier_reviewed_at
                limit :limit
                for update skip locked
                """)
                .param("cutoff", Timestamp.from(clock.instant().minus(properties.tierReviewAfter())))
                .param("limit", properties.expiryBatchSize())
                .query(Ledger::account)
                .list();
        due.forEach(ledger::reviewTier);
        return due.size();
    }
}
