package com.example.shop.loyalty.points;

import java.util.Objects;
import java.util.UUID;

/** A confirmed order was cancelled: everything it earned is taken back and everything it redeemed restored. */
public record OrderCancellation(UUID eventId, OrderId orderId, CustomerId customerId) implements OrderReversal {

    public OrderCancellation {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
    }
}
