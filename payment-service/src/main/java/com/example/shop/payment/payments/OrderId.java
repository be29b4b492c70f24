package com.example.shop.payment.payments;

import java.util.Objects;
import java.util.UUID;

/** The order a payment is for; there is at most one payment per order. */
public record OrderId(UUID value) {

    public OrderId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
