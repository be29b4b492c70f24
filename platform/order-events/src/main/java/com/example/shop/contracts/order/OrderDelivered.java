package com.example.shop.contracts.order;

import java.time.Instant;
import java.util.UUID;

/** {@value OrderEvents#ORDER_DELIVERED}: the carrier (or an admin) reported the parcel delivered. */
public record OrderDelivered(UUID orderId, UUID customerId, String customerEmail, String trackingNumber,
        Instant deliveredAt) {
}
