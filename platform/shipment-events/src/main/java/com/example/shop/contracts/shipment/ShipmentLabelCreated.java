package com.example.shop.contracts.shipment;

import java.time.Instant;
import java.util.UUID;

/** {@value ShipmentEvents#SHIPMENT_LABEL_CREATED}: the carrier issued a label; the parcel can leave. */
public record ShipmentLabelCreated(UUID shipmentId, UUID orderId, String carrier, String service,
        String trackingNumber, String trackingUrl, Instant createdAt) {
}
