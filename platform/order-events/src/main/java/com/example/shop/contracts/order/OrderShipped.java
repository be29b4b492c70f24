package com.example.shop.contracts.order;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@value OrderEvents#ORDER_SHIPPED}: the parcel has a carrier label and the payment is captured. The
 * order's reserved stock leaves stock on hand (catalog-service commits it on this event).
 */
public record OrderShipped(UUID orderId, UUID customerId, String customerEmail, Money total,
        List<OrderLine> lines, String carrier, String trackingNumber, String trackingUrl, Instant shippedAt) {
}
