package com.example.shop.loyalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.node.ObjectNode;

/** Reads the ledger straight from the database, to check the invariants beneath what the API shows. */
public final class LedgerChecks {

    private final JdbcClient jdbc;

    public LedgerChecks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long balance(UUID customer) {
        return jdbc.sql("select coalesce((select balance from loyalty_account where customer_id = ?), 0)").param(customer)
                .query(Long.class).single();
    }

    public long held(UUID customer) {
        return jdbc.sql("select coalesce((select held from loyalty_account where customer_id = ?), 0)").param(customer)
                .query(Long.class).single();
    }

    public long ledgerSum(UUID customer) {
        return jdbc.sql("select coalesce(sum(points), 0) from loyalty_entry where customer_id = ?").param(customer)
                .query(Long.class).single();
    }

    public long remainingSum(UUID customer) {
        return jdbc.sql("select coalesce(sum(remaining), 0) from loyalty_entry where customer_id = ?").param(customer)
                .query(Long.class).single();
    }

    /** The entries as "KIND points", oldest first. */
    public List<String> entries(UUID customer) {
        return jdbc.sql("select kind || ' ' || points from loyalty_entry where customer_id = ? order by position")
                .param(customer).query(String.class).list();
    }

    public long problems(UUID customer) {
        return jdbc.sql("select count(*) from loyalty_problem where customer_id = ?").param(customer)
                .query(Long.class).single();
    }

    /** balance = sum of the ledger = sum of the lots' remainders, and balance >= held >= 0. */
    public void assertInvariant(UUID customer) {
        long balance = balance(customer);
        assertThat(ledgerSum(customer)).as("sum of the ledger of %s", customer).isEqualTo(balance);
        assertThat(remainingSum(customer)).as("unexpired remainder of the lots of %s", customer).isEqualTo(balance);
        assertThat(balance).isGreaterThanOrEqualTo(held(customer));
        assertThat(held(customer)).isNotNegative();
    }

    /** Waits until the listener has processed (or skipped as a duplicate) every one of these events. */
    public void awaitProcessed(Collection<ObjectNode> events) {
        List<UUID> ids = events.stream().map(ShopEvents::id).toList();
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc
                .sql("select count(distinct event_id) from inbox_event where event_id in (:ids)")
                .param("ids", ids).query(Long.class).single() == ids.size());
    }

    public void awaitProcessed(ObjectNode... events) {
        awaitProcessed(List.of(events));
    }
}
