package com.example.shop.order.ordering;

import java.util.Objects;
import java.util.UUID;

/** The customer who placed an order: the {@code sub} claim of the caller's token. */
public record CustomerId(UUID value) {

    public CustomerId {
        Objects.requireNonNull(value, "value");
    }
}
