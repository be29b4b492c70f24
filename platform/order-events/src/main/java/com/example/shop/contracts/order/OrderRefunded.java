package com.example.shop.contracts.order;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@value OrderEvents#ORDER_REFUNDED}: the value of a received return was paid back to the customer.
 *
 * @param amount what this refund paid back
 * @param totalRefunded everything refunded on the order so far, this refund included
 */
public record OrderRefunded(UUID orderId, UUID returnId, UUID customerId, String customerEmail,
        List<ReturnLine> lines, Money amount, Money totalRefunded, Instant refundedAt) {
}
