package com.example.shop.contracts.order;

import java.time.Instant;
import java.util.UUID;

/**
 * {@value OrderEvents#ORDER_RETURNED}: every unit of the order came back and was refunded; the order is final.
 * Published after the last {@value OrderEvents#ORDER_REFUNDED}.
 */
public record OrderReturned(UUID orderId, UUID customerId, String customerEmail, Money totalRefunded,
        Instant returnedAt) {
}
