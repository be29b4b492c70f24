package com.example.shop.shipping.shipments;

import java.time.Instant;

/**
 * The one shipment of an order. Until the label is bought, {@code carrier}, {@code service} and {@code price}
 * are the rate chosen for it (null before one is chosen); afterwards they are the label's.
 */
public record Shipment(
        ShipmentId id,
        OrderId orderId,
        int weightGrams,
        Address address,
        ShipmentStatus status,
        String carrier,
        String service,
        Money price,
        String trackingNumber,
        String trackingUrl,
        String rejectReason,
        Instant createdAt,
        Instant updatedAt,
        Instant labelCreatedAt,
        Instant deliveredAt) {

    static Shipment start(OrderId orderId, int weightGrams, Address address, Instant now) {
        return new Shipment(ShipmentId.random(), orderId, weightGrams, address, ShipmentStatus.PENDING, null, null,
                null, null, null, null, now, now, null, null);
    }

    /** Whether a request asks for this very parcel (same weight, same address). */
    public boolean isFor(int requestedWeight, Address requestedAddress) {
        return weightGrams == requestedWeight && address.equals(requestedAddress);
    }

    boolean hasChosenRate() {
        return carrier != null && service != null;
    }

    /** The carrier's label request for this shipment; the same every time it is sent. */
    LabelRequest labelRequest() {
        return new LabelRequest(id, orderId, carrier, service, weightGrams, address);
    }
}
