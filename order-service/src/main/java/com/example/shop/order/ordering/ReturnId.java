package com.example.shop.order.ordering;

import java.util.Objects;
import java.util.UUID;

/** Identifies a return; also the {@code refundId} of its refund, so the refund is idempotent per return. */
public record ReturnId(UUID value) {

    public ReturnId {
        Objects.requireNonNull(value, "value");
    }

    public static ReturnId newId() {
        return new ReturnId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
