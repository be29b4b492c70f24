package com.example.shop.contracts.order;

import java.time.Instant;
import java.util.UUID;

/**
 * {@value OrderEvents#ORDER_REJECTED}: the order could not be placed; any reserved stock has been released.
 *
 * @param reason {@code OUT_OF_STOCK}, {@code PAYMENT_DECLINED} or {@code PAYMENT_UNAVAILABLE}; consumers
 *     must accept reasons they do not know
 */
public record OrderRejected(UUID orderId, UUID customerId, String customerEmail, Money total, String reason,
        Instant rejectedAt) {
}
