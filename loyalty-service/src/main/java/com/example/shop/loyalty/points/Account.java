package com.example.shop.loyalty.points;

/**
 * A customer's points: the balance (the sum of their ledger) and what of it is held for orders in checkout.
 * Invariant: {@code balance >= held >= 0}.
 */
public record Account(CustomerId customerId, long balance, long held, Tier tier) {

    /** The account of a customer who has never had points. */
    public static Account empty(CustomerId customerId) {
        return new Account(customerId, 0, 0, Tier.BRONZE);
    }

    /** What can be spent, held or taken back now. */
    public long available() {
        return balance - held;
    }
}
