package com.example.shop.catalog.inventory;

import java.util.Objects;
import java.util.UUID;

/** The order-service's id of the order a reservation is for; the reservation's idempotency key. */
public record OrderId(UUID value) {

    public OrderId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
