package com.example.shop.shipping.shipments;

import java.time.Instant;

/** A label the carrier issued: the parcel can leave, and be followed by its tracking number. */
public record Label(String carrierLabelId, String carrier, String service, String trackingNumber, String trackingUrl,
        Money price, Instant createdAt) {
}
