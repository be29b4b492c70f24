package com.example.shop.customer.account;

import java.util.Objects;
import java.util.UUID;

/** The identity of a customer; also the {@code sub} claim of the customer's tokens. */
public record CustomerId(UUID value) {

    public CustomerId {
        Objects.requireNonNull(value, "value");
    }

    public static CustomerId random() {
        return new CustomerId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
