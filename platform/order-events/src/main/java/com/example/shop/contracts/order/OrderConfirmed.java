package com.example.shop.contracts.order;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** {@value OrderEvents#ORDER_CONFIRMED}: stock is reserved and the payment authorised. */
public record OrderConfirmed(UUID orderId, UUID customerId, String customerEmail, Money total,
        List<OrderLine> lines, Instant confirmedAt) {
}
