package com.example.shop.order.ordering;

/**
 * Loyalty points in loyalty-service, a participant of the checkout when points are redeemed. Both operations
 * are idempotent per order id.
 */
public interface Loyalty {

    /**
     * Holds up to {@code points} of the customer's balance for the order: loyalty-service holds only the points
     * worth {@code maxDiscount} (the order's total) at most, and answers how many it held.
     *
     * @param maxDiscount the order's total, in the order's currency; the discount never exceeds it
     * @throws DependencyUnavailableException when loyalty-service cannot answer now
     * @throws DependencyRefusedException when it refused the request (a 4xx) or answered something unknown
     */
    PointsHold hold(OrderId orderId, CustomerId customerId, long points, Money maxDiscount);

    /**
     * Gives the order's held points back; releasing again, or releasing a spent or unknown hold, changes nothing.
     *
     * @throws DependencyUnavailableException when loyalty-service cannot answer now
     */
    void release(OrderId orderId);

    /** loyalty-service's answer to a hold. */
    sealed interface PointsHold {

        /** {@code points} (at most those asked, no more than the order's total needs) are held, worth {@code discount}. */
        record Held(long points, Money discount) implements PointsHold {
        }

        /** The balance does not cover the points; nothing was taken. */
        record Rejected(String reason) implements PointsHold {
        }
    }
}
