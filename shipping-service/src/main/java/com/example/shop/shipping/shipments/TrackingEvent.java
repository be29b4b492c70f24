package com.example.shop.shipping.shipments;

import java.time.Instant;

/**
 * One step the carrier reported. {@code status} is the carrier's word ({@code PICKED_UP}, ...), kept even when
 * this service does not know it.
 */
public record TrackingEvent(String status, String location, Instant occurredAt) {
}
