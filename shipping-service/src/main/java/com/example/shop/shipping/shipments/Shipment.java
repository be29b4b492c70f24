package com.example.shop.shipping.shipments;

import java.time.Instant;

/**
 * The one shipment of an order. Until the label is bought, {@code carrier}, {@code service} and {@code price}
 * are the rate chosen for it (null before one is chosen); afterwards they are the label's.
 *
 * @param customerId the order's customer; {@code null} when the caller did not say (older callers)
 * @param anonymisedAt when the recipient's name and street were anonymised (the customer was deleted)
 */
public record Shipment(
        ShipmentId id,
        OrderId orderId,
        CustomerId customerId,
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
        Instant deliveredAt,
        Instant anonymisedAt) {

    static Shipment start(OrderId orderId, CustomerId customerId, int weightGrams, Address address, Instant now) {
        return new Shipment(ShipmentId.random(), orderId, customerId, weightGrams, address, ShipmentStatus.PENDING,
                null, null, null, null, null, null, now, now, null, null, null);
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
