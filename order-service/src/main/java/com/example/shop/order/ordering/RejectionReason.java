package com.example.shop.order.ordering;

/**
 * Why an order was rejected; the names are part of the public API and of {@code order.rejected.v1}.
 * {@code INSUFFICIENT_POINTS}: loyalty-service refused to hold the points asked for; {@code LOYALTY_UNAVAILABLE}:
 * loyalty-service could not be reached until {@code shop.order.loyalty-deadline}.
 */
public enum RejectionReason {
    OUT_OF_STOCK, PAYMENT_DECLINED, PAYMENT_UNAVAILABLE, INSUFFICIENT_POINTS, LOYALTY_UNAVAILABLE
}
