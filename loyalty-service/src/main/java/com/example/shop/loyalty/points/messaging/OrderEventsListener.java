package com.example.shop.loyalty.points.messaging;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.example.shop.contracts.order.OrderCancelled;
import com.example.shop.contracts.order.OrderEvents;
import com.example.shop.contracts.order.OrderRefunded;
import com.example.shop.contracts.order.OrderRejected;
import com.example.shop.loyalty.points.Holds;
import com.example.shop.loyalty.points.OrderId;
import com.example.shop.loyalty.points.OrderPoints;
import com.example.shop.platform.messaging.EventEnvelope;
import com.example.shop.platform.messaging.Events;
import com.example.shop.platform.messaging.Inbox;

/**
 * Order events that move points: confirmed (spend the hold, earn), rejected (release the hold: a safety net
 * behind order-service's own call), cancelled and refunded (take back, give back). Each is applied once
 * through the inbox, in the same transaction as its effect; other types are ignored.
 */
@Component
class OrderEventsListener {

    static final String CONSUMER = "loyalty-service.orders";

    private static final Logger log = LoggerFactory.getLogger(OrderEventsListener.class);

    private final Events events;
    private final Inbox inbox;
    private final OrderPoints points;
    private final Holds holds;

    OrderEventsListener(Events events, Inbox inbox, OrderPoints points, Holds holds) {
        this.events = events;
        this.inbox = inbox;
        this.points = points;
        this.holds = holds;
    }

    @KafkaListener(topics = OrderEvents.TOPIC, groupId = CONSUMER)
    void on(String value) {
        EventEnvelope event = events.read(value);
        try {
            apply(event);
        }
        catch (RuntimeException ex) {
            // The error handler retries and then parks the record; say why, once per attempt.
            log.warn("{} {} failed: {}", event.type(), event.id(), ex.toString());
            throw ex;
        }
    }

    private void apply(EventEnvelope event) {
        switch (event.type()) {
            case OrderEvents.ORDER_CONFIRMED -> {
                var confirmation = OrderEventsTranslator.confirmation(event, events.data(event, OrderConfirmedView.class));
                inbox.processOnce(CONSUMER, event, e -> points.confirmed(confirmation));
            }
            case OrderEvents.ORDER_REJECTED -> {
                var order = new OrderId(OrderEventsTranslator.orderId(event, events.data(event, OrderRejected.class).orderId()));
                inbox.processOnce(CONSUMER, event, e -> holds.release(order));
            }
            case OrderEvents.ORDER_CANCELLED -> {
                var cancellation = OrderEventsTranslator.cancellation(event, events.data(event, OrderCancelled.class));
                inbox.processOnce(CONSUMER, event, e -> points.cancelled(cancellation));
            }
            case OrderEvents.ORDER_REFUNDED -> {
                var refund = OrderEventsTranslator.refund(event, events.data(event, OrderRefunded.class));
                inbox.processOnce(CONSUMER, event, e -> points.refunded(refund));
            }
            default -> {
                // Other order events do not move points.
            }
        }
    }
}
