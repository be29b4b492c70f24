package com.example.shop.catalog.inventory.messaging;

import java.util.UUID;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.example.shop.catalog.inventory.OrderId;
import com.example.shop.catalog.inventory.Reservations;
import com.example.shop.contracts.order.OrderConfirmed;
import com.example.shop.contracts.order.OrderEvents;
import com.example.shop.contracts.order.OrderRejected;
import com.example.shop.platform.messaging.EventEnvelope;
import com.example.shop.platform.messaging.Events;
import com.example.shop.platform.messaging.Inbox;

/**
 * Ends reservations as orders end. A confirmed order commits its reserved stock, so a confirmed order's stock
 * never expires (order-service calls no commit endpoint; shipping may later move the commit to shipment).
 * A rejected order releases it: order-service already calls release, and this is the safety net when that
 * call was lost. The inbox records the event id in the same transaction as the stock change, and the
 * reservation's own status makes the change happen once even for two different events about one order.
 */
@Component
class OrderEventsListener {

    static final String CONSUMER = "catalog-service.inventory";

    private final Events events;
    private final Inbox inbox;
    private final Reservations reservations;

    OrderEventsListener(Events events, Inbox inbox, Reservations reservations) {
        this.events = events;
        this.inbox = inbox;
        this.reservations = reservations;
    }

    @KafkaListener(topics = OrderEvents.TOPIC, groupId = CONSUMER)
    void on(String value) {
        EventEnvelope event = events.read(value);
        switch (event.type()) {
            case OrderEvents.ORDER_CONFIRMED -> {
                OrderConfirmed confirmed = events.data(event, OrderConfirmed.class);
                OrderId orderId = orderId(event, confirmed.orderId());
                inbox.processOnce(CONSUMER, event, e -> reservations.commit(orderId));
            }
            case OrderEvents.ORDER_REJECTED -> {
                OrderRejected rejected = events.data(event, OrderRejected.class);
                OrderId orderId = orderId(event, rejected.orderId());
                inbox.processOnce(CONSUMER, event, e -> reservations.release(orderId));
            }
            default -> {
                // Other order events do not concern stock.
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
