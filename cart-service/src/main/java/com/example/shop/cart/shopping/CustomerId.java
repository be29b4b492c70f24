package com.example.shop.cart.shopping;

import java.util.Objects;
import java.util.UUID;

/** The customer a cart belongs to: the {@code sub} of their token. */
public record CustomerId(UUID value) {

    public CustomerId {
        Objects.requireNonNull(value, "value");
    }
}
