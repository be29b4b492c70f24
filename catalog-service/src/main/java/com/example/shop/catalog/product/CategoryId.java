package com.example.shop.catalog.product;

import java.util.Objects;
import java.util.UUID;

/** Identifies a category of the category tree. */
public record CategoryId(UUID value) {

    public CategoryId {
        Objects.requireNonNull(value, "value");
    }

    public static CategoryId random() {
        return new CategoryId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
