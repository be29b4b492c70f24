package com.example.shop.order.ordering;

/**
 * Loyalty points in loyalty-service, a participant of the checkout when points are redeemed. Both operations
 * are idempotent per order id.
 */
public interface Loyalty {

    /**
     * Holds {@code points} of the customer's balance for the order.
     *
     * @throws DependencyUnavailableException when loyalty-service cannot answer now
     * @throws DependencyRefusedException when it refused the request (a 4xx) or answered something unknown
     */
    PointsHold hold(OrderId orderId, CustomerId customerId, long points, String currency);

    /**
     * Gives the order's held points back; releasing again, or releasing a spent or unknown hold, changes nothing.
     *
     * @throws DependencyUnavailableException when loyalty-service cannot answer now
     */
    void release(OrderId orderId);

    /** loyalty-service's answer to a hold. */
    sealed interface PointsHold {

        /** The points are held and worth {@code discount}. */
        record Held(long points, Money discount) implements PointsHold {
        }

        /** The balance does not cover the points; nothing was taken. */
        record Rejected(String reason) implements PointsHold {
        }
    }
}
