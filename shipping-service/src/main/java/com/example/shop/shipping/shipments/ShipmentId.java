package com.example.shop.shipping.shipments;

import java.util.Objects;
import java.util.UUID;

/** A shipment's id; also the carrier's idempotency key for its label. */
public record ShipmentId(UUID value) {

    public ShipmentId {
        Objects.requireNonNull(value, "value");
    }

    public static ShipmentId random() {
        return new ShipmentId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
