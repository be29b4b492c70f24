package com.example.shop.order.ordering;

import java.util.Objects;
import java.util.UUID;

/** Identifies an order; also the idempotency key of every downstream call made for it. */
public record OrderId(UUID value) {

    public OrderId {
        Objects.requireNonNull(value, "value");
    }

    public static OrderId newId() {
        return new OrderId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
