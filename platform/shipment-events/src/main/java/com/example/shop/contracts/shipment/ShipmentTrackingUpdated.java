package com.example.shop.contracts.shipment;

import java.time.Instant;
import java.util.UUID;

/**
 * {@value ShipmentEvents#SHIPMENT_TRACKING_UPDATED}: the carrier reported a new tracking event.
 *
 * @param status {@code LABEL_CREATED}, {@code PICKED_UP}, {@code IN_TRANSIT}, {@code OUT_FOR_DELIVERY} or
 *     {@code DELIVERED}; consumers must accept values they do not know
 */
public record ShipmentTrackingUpdated(UUID shipmentId, UUID orderId, String trackingNumber, String status,
        String location, Instant occurredAt) {
}
