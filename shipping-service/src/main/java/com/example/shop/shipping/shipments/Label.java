package com.example.shop.shipping.shipments;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A label the carrier issued: the parcel can leave, and be followed by its tracking number. The time is kept
 * to the microsecond, as PostgreSQL stores it.
 */
public record Label(String carrierLabelId, String carrier, String service, String trackingNumber, String trackingUrl,
        Money price, Instant createdAt) {

    public Label {
        createdAt = Objects.requireNonNull(createdAt, "createdAt").truncatedTo(ChronoUnit.MICROS);
    }
}
