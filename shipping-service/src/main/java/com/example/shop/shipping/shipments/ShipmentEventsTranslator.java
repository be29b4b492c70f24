package com.example.shop.shipping.shipments;

import com.example.shop.contracts.shipment.ShipmentDelivered;
import com.example.shop.contracts.shipment.ShipmentLabelCreated;
import com.example.shop.contracts.shipment.ShipmentTrackingUpdated;

/** Turns what happened to a shipment into the records of the published contract ({@code shipment-events}). */
final class ShipmentEventsTranslator {

    private ShipmentEventsTranslator() {
    }

    static ShipmentLabelCreated labelCreated(Shipment shipment, Label label) {
        return new ShipmentLabelCreated(shipment.id().value(), shipment.orderId().value(), label.carrier(),
                label.service(), label.trackingNumber(), label.trackingUrl(), label.createdAt());
    }

    static ShipmentTrackingUpdated trackingUpdated(Shipment shipment, TrackingEvent event) {
        return new ShipmentTrackingUpdated(shipment.id().value(), shipment.orderId().value(),
                shipment.trackingNumber(), event.status(), event.location(), event.occurredAt());
    }

    static ShipmentDelivered delivered(Shipment shipment, TrackingEvent delivery) {
        return new ShipmentDelivered(shipment.id().value(), shipment.orderId().value(), shipment.trackingNumber(),
                delivery.occurredAt());
    }
}
