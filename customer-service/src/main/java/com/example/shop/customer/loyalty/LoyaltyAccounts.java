package com.example.shop.customer.loyalty;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.example.shop.customer.account.CustomerId;

/**
 * Loyalty points: a ledger with one entry per order ({@code loyalty_ledger}) and a balance per customer
 * ({@code loyalty_account}) that always equals the sum of the customer's entries.
 */
@Service
public class LoyaltyAccounts {

    static final String REASON_ORDER_CONFIRMED = "ORDER_CONFIRMED";

    private final JdbcClient jdbc;

    LoyaltyAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Credits the points of a purchase, at most once per order: the ledger's unique order id makes a second
     * credit for the same order a no-op, even if it arrives under another event id.
     *
     * @return {@code true} when points were credited now
     */
    @Transactional
    public boolean credit(QualifyingPurchase purchase) {
        long points = purchase.points();
        int entered = jdbc.sql("""
                insert into loyalty_ledger (customer_id, order_id, points, reason, event_id)
                values (:customer, :order, :points, :reason, :event)
                on conflict (order_id) do nothing
                """)
                .param("customer", purchase.customerId().value())
                .param("order", purchase.orderId())
                .param("points", points)
                .param("reason", REASON_ORDER_CONFIRMED)
                .param("event", purchase.eventId())
                .update();
        if (entered == 0) {
            return false;
        }
        jdbc.sql("""
                insert into loyalty_account (customer_id, points) values (:customer, :points)
                on conflict (customer_id) do update set points = loyalty_account.points + excluded.points
                """)
                .param("customer", purchase.customerId().value())
                .param("points", points)
                .update();
        return true;
    }

    /** The customer's balance; 0 for a customer who never earned points. */
    public long balance(CustomerId customer) {
        return jdbc.sql("select points from loyalty_account where customer_id = :customer")
                .param("customer", customer.value())
                .query(Long.class)
                .optional()
                .orElse(0L);
    }
}
