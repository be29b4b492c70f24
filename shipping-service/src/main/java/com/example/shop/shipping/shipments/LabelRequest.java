package com.example.shop.shipping.shipments;

/**
 * What the carrier is asked for to buy a label. {@code shipmentId} is the idempotency key and
 * {@code orderId} the shipper's reference.
 */
public record LabelRequest(ShipmentId shipmentId, OrderId orderId, String carrier, String service, int weightGrams,
        Address address) {
}
