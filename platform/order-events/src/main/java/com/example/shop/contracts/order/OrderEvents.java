package com.example.shop.contracts.order;

/**
 * The published contract of order-service: one topic keyed by order id, and the stable wire type of each
 * event on it. Consumers switch on the type and ignore types they do not know.
 */
public final class OrderEvents {

    /** Topic of all order events; the Kafka key is the order id. */
    public static final String TOPIC = "order-events";

    public static final String ORDER_CONFIRMED = "order.confirmed.v1";
    public static final String ORDER_REJECTED = "order.rejected.v1";
    public static final String ORDER_CANCELLED = "order.cancelled.v1";
    public static final String ORDER_SHIPPED = "order.shipped.v1";
    public static final String ORDER_DELIVERED = "order.delivered.v1";
    public static final String ORDER_RETURN_REQUESTED = "order.return_requested.v1";
    public static final String ORDER_RETURN_RECEIVED = "order.return_received.v1";
    public static final String ORDER_REFUNDED = "order.refunded.v1";
    public static final String ORDER_RETURNED = "order.returned.v1";

    private OrderEvents() {
    }
}
