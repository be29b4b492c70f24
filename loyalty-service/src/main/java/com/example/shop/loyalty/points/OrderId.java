package com.example.shop.loyalty.points;

import java.util.Objects;
import java.util.UUID;

/** An order of order-service. */
public record OrderId(UUID value) {

    public OrderId {
        Objects.requireNonNull(value, "order id");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
