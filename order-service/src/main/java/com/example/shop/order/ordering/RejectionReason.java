package com.example.shop.order.ordering;

/** Why an order was rejected; the names are part of the public API and of {@code order.rejected.v1}. */
public enum RejectionReason {
    OUT_OF_STOCK, PAYMENT_DECLINED, PAYMENT_UNAVAILABLE
}
