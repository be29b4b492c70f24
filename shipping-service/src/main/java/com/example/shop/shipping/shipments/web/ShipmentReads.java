package com.example.shop.shipping.shipments.web;

import java.util.UUID;

import com.example.shop.shipping.shipments.OrderId;
import com.example.shop.shipping.shipments.ShipmentRepository;

/** The one read both the internal and the admin API answer: the order's shipment with its tracking events. */
final class ShipmentReads {

    private ShipmentReads() {
    }

    static ShipmentResponse withEvents(ShipmentRepository shipments, UUID orderId) {
        return shipments.findByOrderId(new OrderId(orderId))
                .map(shipment -> ShipmentResponse.withEvents(shipment, shipments.trackingEvents(shipment.id())))
                .orElseThrow(() -> ShipmentProblems.notFound(orderId));
    }
}
