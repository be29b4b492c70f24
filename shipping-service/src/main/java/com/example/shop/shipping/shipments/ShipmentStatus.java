package com.example.shop.shipping.shipments;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where a shipment stands. PENDING: the label is asked for and not yet bought (the carrier may be down, or its
 * answer was lost); REJECTED: the carrier cannot serve the address; then the carrier's tracking steps, in
 * order, DELIVERED last.
 */
public enum ShipmentStatus {
    PENDING,
    REJECTED,
    LABEL_CREATED,
    PICKED_UP,
    IN_TRANSIT,
    OUT_FOR_DELIVERY,
    DELIVERED;

    /** Whether the parcel is on its way: the tracking poller asks the carrier about it. */
    public boolean isTracked() {
        return compareTo(LABEL_CREATED) >= 0 && this != DELIVERED;
    }

    /** Whether the label was bought. */
    public boolean hasLabel() {
        return compareTo(LABEL_CREATED) >= 0;
    }

    /** The tracking step a carrier status names, if this service knows it. */
    public static Optional<ShipmentStatus> ofTracking(String carrierStatus) {
        return Arrays.stream(values())
                .filter(status -> status.hasLabel() && status.name().equals(carrierStatus))
                .findFirst();
    }
}
