package com.example.shop.loyalty.points;

import java.sql.Timestamp;
import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Forgets a customer who closed their account: their points are forfeited and every row about them goes
 * (account, ledger, orders, holds, parked events, problems). Only their id stays, in
 * {@code loyalty_deleted_customer}, so that later events about them are ignored instead of opening a new
 * account. Nothing is published: a points event would only carry the customer id again.
 */
@Service
public class CustomerDeletion {

    private static final Logger log = LoggerFactory.getLogger(CustomerDeletion.class);

    private final JdbcClient jdbc;
    private final Ledger ledger;
    private final Clock clock;

    CustomerDeletion(JdbcClient jdbc, Ledger ledger, Clock clock) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Transactional
    public void forget(CustomerId customer) {
        ledger.lock(customer);
        if (ledger.isDeleted(customer)) {
            return;
        }
        // The account row last: waiting for its lock lets a running expiry batch finish first.
        jdbc.sql("select 1 from loyalty_account where customer_id = :c for update").param("c", customer.value())
                .query((rs, n) -> 1).list();
        for (String table : new String[] { "loyalty_entry", "loyalty_order", "loyalty_hold", "loyalty_parked_event",
                "loyalty_problem", "loyalty_account" }) {
            jdbc.sql("delete from " + table + " where customer_id = :c").param("c", customer.value()).update();
        }
        jdbc.sql("insert into loyalty_deleted_customer (customer_id, deleted_at) values (:c, :now) on conflict do nothing")
                .param("c", customer.value())
                .param("now", Timestamp.from(clock.instant()))
                .update();
        log.info("Deleted the loyalty data of customer {}", customer);
    }
}
