package com.example.shop.payment.payments;

import java.util.Objects;
import java.util.UUID;

/** A payment's id; also the idempotency key the provider sees for it, so it never changes across retries. */
public record PaymentId(UUID value) {

    public PaymentId {
        Objects.requireNonNull(value, "value");
    }

    public static PaymentId random() {
        return new PaymentId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
