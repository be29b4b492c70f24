package com.example.shop.contracts.order;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** {@value OrderEvents#ORDER_RETURN_REQUESTED}: the customer asked to return lines of a delivered order. */
public record OrderReturnRequested(UUID orderId, UUID returnId, UUID customerId, String customerEmail,
        List<ReturnLine> lines, String reason, Instant requestedAt) {
}
