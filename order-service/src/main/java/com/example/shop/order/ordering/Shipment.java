package com.example.shop.order.ordering;

import java.util.Objects;

/** The parcel of a shipped order, as shipping-service bought its label. */
public record Shipment(String shipmentId, String carrier, String trackingNumber, String trackingUrl) {

    public Shipment {
        Objects.requireNonNull(carrier, "carrier");
        Objects.requireNonNull(trackingNumber, "trackingNumber");
    }
}
