package com.example.shop.shipping.shipments.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import com.example.shop.shipping.shipments.Shipment;
import com.example.shop.shipping.shipments.ShipmentStatus;
import com.example.shop.shipping.shipments.TrackingEvent;

/**
 * A shipment on the wire. {@code events} (oldest first) is given by the reads and left out of the answer to
 * {@code POST /internal/shipments}; {@code rejectReason} only for a REJECTED shipment.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ShipmentResponse(UUID shipmentId, UUID orderId, String carrier, String service, String trackingNumber,
        String trackingUrl, ShipmentStatus status, PriceResponse price, Integer weightGrams, String rejectReason,
        List<EventBody> events) {

    record EventBody(String status, String location, Instant occurredAt) {
    }

    static ShipmentResponse of(Shipment shipment) {
        return new ShipmentResponse(shipment.id().value(), shipment.orderId().value(), shipment.carrier(),
                shipment.service(), shipment.trackingNumber(), shipment.trackingUrl(), shipment.status(),
                PriceResponse.of(shipment.price()), shipment.weightGrams(), shipment.rejectReason(), null);
    }

    static ShipmentResponse withEvents(Shipment shipment, List<TrackingEvent> events) {
        ShipmentResponse base = of(shipment);
        return new ShipmentResponse(base.shipmentId(), base.orderId(), base.carrier(), base.service(),
                base.trackingNumber(), base.trackingUrl(), base.status(), base.price(), base.weightGrams(),
                base.rejectReason(), events.stream()
                        .map(event -> new EventBody(event.status(), event.location(), event.occurredAt()))
                        .toList());
    }
}
