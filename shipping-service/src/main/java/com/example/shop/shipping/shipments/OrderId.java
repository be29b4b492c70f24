package com.example.shop.shipping.shipments;

import java.util.Objects;
import java.util.UUID;

/** The order a shipment is for; there is at most one shipment per order. */
public record OrderId(UUID value) {

    public OrderId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
