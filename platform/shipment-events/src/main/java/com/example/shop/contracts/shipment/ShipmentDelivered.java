package com.example.shop.contracts.shipment;

import java.time.Instant;
import java.util.UUID;

/** {@value ShipmentEvents#SHIPMENT_DELIVERED}: the carrier delivered the parcel (published once). */
public record ShipmentDelivered(UUID shipmentId, UUID orderId, String trackingNumber, Instant deliveredAt) {
}
