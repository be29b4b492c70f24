package com.example.shop.shipping.shipments;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One step the carrier reported. {@code status} is the carrier's word ({@code PICKED_UP}, ...), kept even when
 * this service does not know it. Times are kept to the microsecond, as PostgreSQL stores them, so an event
 * published at once and the same event read back later say the same.
 */
public record TrackingEvent(String status, String location, Instant occurredAt) {

    public TrackingEvent {
        Objects.requireNonNull(status, "status");
        occurredAt = Objects.requireNonNull(occurredAt, "occurredAt").truncatedTo(ChronoUnit.MICROS);
    }
}
