package com.example.shop.cart.shopping;

import java.util.Objects;
import java.util.UUID;

/** A cart, a customer's or a guest's. */
public record CartId(UUID value) {

    public CartId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
