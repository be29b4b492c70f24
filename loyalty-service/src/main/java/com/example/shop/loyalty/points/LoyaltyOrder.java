package com.example.shop.loyalty.points;

import java.math.BigDecimal;

/**
 * What the programme remembers of a confirmed order: what it paid, earned and redeemed, and how much of that
 * cancellations and refunds have taken back or restored so far.
 *
 * @param unrecoverable earned points that should have been taken back but had already been spent
 * @param refunded the sum of the refunds recorded for the order
 * @param refundedValue the sum of the refunded lines' values (for orders paid entirely with points)
 */
public record LoyaltyOrder(OrderId orderId, CustomerId customerId, String currency, BigDecimal total,
        BigDecimal amountDue, long earned, long redeemed, long reversed, long unrecoverable, long restored,
        BigDecimal refunded, BigDecimal refundedValue, boolean cancelled) {

    /** Earned points not yet taken back (nor written off as unrecoverable). */
    long earnedLeft() {
        return earned - reversed - unrecoverable;
    }

    /** Redeemed points not yet given back. */
    long redeemedLeft() {
        return redeemed - restored;
    }
}
