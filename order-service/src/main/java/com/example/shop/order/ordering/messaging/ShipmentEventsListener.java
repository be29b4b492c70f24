package com.example.shop.order.ordering.messaging;

import java.util.UUID;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.example.shop.contracts.shipment.ShipmentDelivered;
import com.example.shop.contracts.shipment.ShipmentEvents;
import com.example.shop.contracts.shipment.ShipmentTrackingUpdated;
import com.example.shop.order.ordering.OrderId;
import com.example.shop.order.ordering.OrderLifecycle;
import com.example.shop.order.ordering.TrackingEvent;
import com.example.shop.platform.messaging.EventEnvelope;
import com.example.shop.platform.messaging.Events;
import com.example.shop.platform.messaging.Inbox;

/**
 * Hears shipping-service: {@code shipment.delivered.v1} delivers the order, {@code shipment.tracking_updated.v1}
 * adds to its tracking history. Through the inbox, so a redelivered event changes nothing; other types are
 * ignored.
 */
@Component
class ShipmentEventsListener {

    static final String CONSUMER = "order-service.fulfilment";

    private final Events events;
    private final Inbox inbox;
    private final OrderLifecycle lifecycle;

    ShipmentEventsListener(Events events, Inbox inbox, OrderLifecycle lifecycle) {
        this.events = events;
        this.inbox = inbox;
        this.lifecycle = lifecycle;
    }

    @KafkaListener(topics = ShipmentEvents.TOPIC, groupId = CONSUMER)
    void on(String value) {
        EventEnvelope event = events.read(value);
        switch (event.type()) {
            case ShipmentEvents.SHIPMENT_DELIVERED -> {
                ShipmentDelivered delivered = events.data(event, ShipmentDelivered.class);
                OrderId orderId = orderId(event, delivered.orderId());
                inbox.processOnce(CONSUMER, event, e -> lifecycle.deliveryReported(orderId, delivered.deliveredAt()));
            }
            case ShipmentEvents.SHIPMENT_TRACKING_UPDATED -> {
                ShipmentTrackingUpdated update = events.data(event, ShipmentTrackingUpdated.class);
                OrderId orderId = orderId(event, update.orderId());
                if (update.status() == null || update.occurredAt() == null) {
                    throw new Events.MalformedEventException(event.type() + " " + event.id() + " lacks status or time");
                }
                inbox.processOnce(CONSUMER, event, e -> lifecycle.trackingUpdated(orderId,
                        new TrackingEvent(update.status(), update.location(), update.occurredAt())));
            }
            default -> {
                // label_created and types this service does not know: nothing to do.
            }
        }
    }

    private static OrderId orderId(EventEnvelope event, UUID orderId) {
        if (orderId == null) {
            throw new Events.MalformedEventException(event.type() + " " + event.id() + " has no orderId");
        }
        return new OrderId(orderId);
    }
}
