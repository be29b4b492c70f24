package com.example.shop.catalog.inventory;

import java.util.Objects;
import java.util.UUID;

/** order-service's id of a return (some units of a delivered order sent back); a restock's idempotency key. */
public record ReturnId(UUID value) {

    public ReturnId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
