package com.example.shop.cart.catalogue;

import java.util.Objects;
import java.util.UUID;

/** The catalogue's id of a product. */
public record ProductId(UUID value) {

    public ProductId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
