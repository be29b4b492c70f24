package com.example.shop.loyalty.points;

import java.util.Objects;
import java.util.UUID;

/** A customer, as customer-service identifies them (the JWT's {@code sub}). */
public record CustomerId(UUID value) {

    public CustomerId {
        Objects.requireNonNull(value, "customer id");
    }

    /** A 64-bit key for PostgreSQL's advisory locks; two customers sharing one only wait for each other. */
    long lockKey() {
        return value.getMostSignificantBits() ^ value.getLeastSignificantBits();
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
