package com.example.shop.contracts.order;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@value OrderEvents#ORDER_CANCELLED}: a confirmed order was cancelled before shipment; its payment
 * authorisation has been voided. Its reserved stock is to be released (catalog-service does it on this
 * event).
 *
 * @param cancelledBy {@code CUSTOMER} or {@code ADMIN}; consumers must accept values they do not know
 */
public record OrderCancelled(UUID orderId, UUID customerId, String customerEmail, Money total,
        List<OrderLine> lines, String cancelledBy, Instant cancelledAt) {
}
