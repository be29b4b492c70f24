package com.example.shop.loyalty.points;

import java.util.UUID;

/** An order event that takes back what a confirmation gave: a cancellation or a refund. */
public sealed interface OrderReversal permits OrderCancellation, OrderRefund {

    UUID eventId();

    OrderId orderId();

    CustomerId customerId();
}
