package com.example.shop.order.ordering;

import java.time.Instant;

/** What the carrier reported about the parcel (from {@code shipment.tracking_updated.v1}). */
public record TrackingEvent(String status, String location, Instant occurredAt) {
}
