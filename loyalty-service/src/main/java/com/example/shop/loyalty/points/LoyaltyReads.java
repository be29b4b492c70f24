package com.example.shop.loyalty.points;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** What customers, administrators and the personal-data export see of an account. Reads only. */
@Service
public class LoyaltyReads {

    /**
     * The customer's standing.
     *
     * @param points the balance
     * @param available what can be redeemed now (balance less held)
     * @param nextTier the tier above, {@code null} at the top
     * @param pointsToNextTier points still to earn within the window for the next tier, {@code null} at the top
     * @param pointValue what one point is worth at checkout, in the order's currency
     */
    public record Summary(CustomerId customerId, long points, long held, long available, Tier tier,
            long pointsLast12Months, Tier nextTier, Long pointsToNextTier, String benefit, BigDecimal pointValue) {
    }

    /** A page of the ledger, newest first. */
    public record LedgerPage(List<LedgerEntry> items, int page, int size, long totalItems) {
    }

    private final JdbcClient jdbc;
    private final Ledger ledger;
    private final LoyaltyProperties properties;

    LoyaltyReads(JdbcClient jdbc, Ledger ledger, LoyaltyProperties properties) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.properties = properties;
    }

    /** The customer's summary; a customer without an account (or deleted) reads as zero points, BRONZE. */
    public Summary summary(CustomerId customer) {
        Account account = account(customer).orElseGet(() -> Account.empty(customer));
        long window = ledger.pointsInWindow(customer);
        // The tier as the window stands now; the stored one catches up on the next change or review.
        Tier tier = Tier.forPoints(window);
        Tier next = tier.next();
        return new Summary(customer, account.balance(), account.held(), account.available(), tier, window, next,
                next == null ? null : next.threshold() - window, tier.benefit(), properties.pointValue());
    }

    public Optional<Account> account(CustomerId customer) {
        return jdbc.sql("select customer_id, balance, held, tier from loyalty_account where customer_id = :customer")
                .param("customer", customer.value())
                .query(Ledger::account)
                .optional();
    }

    public LedgerPage ledger(CustomerId customer, int page, int size) {
        List<LedgerEntry> items = jdbc.sql("""
                select * from loyalty_entry where customer_id = :customer
                order by position desc limit :size offset :offset
                """)
                .param("customer", customer.value())
                .param("size", size)
                .param("offset", (long) page * size)
                .query(Ledger::entry)
                .list();
        long total = jdbc.sql("select count(*) from loyalty_entry where customer_id = :customer")
                .param("customer", customer.value())
                .query(Long.class)
                .single();
        return new LedgerPage(items, page, size, total);
    }

    /** The whole ledger, oldest first (the personal-data export). */
    public List<LedgerEntry> wholeLedger(CustomerId customer) {
        return jdbc.sql("select * from loyalty_entry where customer_id = :customer order by position")
                .param("customer", customer.value())
                .query(Ledger::entry)
                .list();
    }
}
