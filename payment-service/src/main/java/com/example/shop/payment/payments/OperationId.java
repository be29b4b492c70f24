package com.example.shop.payment.payments;

import java.util.Objects;
import java.util.UUID;

/** A provider operation's id; for captures, voids and refunds also its idempotency key and merchant reference. */
public record OperationId(UUID value) {

    public OperationId {
        Objects.requireNonNull(value, "value");
    }

    public static OperationId random() {
        return new OperationId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
