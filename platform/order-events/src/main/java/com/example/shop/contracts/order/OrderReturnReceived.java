package com.example.shop.contracts.order;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@value OrderEvents#ORDER_RETURN_RECEIVED}: the returned goods arrived at the warehouse.
 *
 * @param restocked whether the goods go back into stock on hand (catalog-service adds them on this event)
 *     or are written off as damaged
 */
public record OrderReturnReceived(UUID orderId, UUID returnId, UUID customerId, List<ReturnLine> lines,
        boolean restocked, Instant receivedAt) {
}
