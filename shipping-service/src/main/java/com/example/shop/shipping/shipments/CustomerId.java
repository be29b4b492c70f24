package com.example.shop.shipping.shipments;

import java.util.Objects;
import java.util.UUID;

/** The customer a shipment is for (the order's customer); what export and deletion of personal data go by. */
public record CustomerId(UUID value) {

    public CustomerId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
