package com.example.shop.catalog.inventory.messaging;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.example.shop.catalog.inventory.OrderId;
import com.example.shop.catalog.inventory.ReservationLine;
import com.example.shop.catalog.inventory.Reservations;
import com.example.shop.catalog.inventory.ReturnId;
import com.example.shop.catalog.inventory.StockReturns;
import com.example.shop.catalog.product.ProductId;
import com.example.shop.contracts.order.OrderCancelled;
import com.example.shop.contracts.order.OrderConfirmed;
import com.example.shop.contracts.order.OrderEvents;
import com.example.shop.contracts.order.OrderRejected;
import com.example.shop.contracts.order.OrderReturnReceived;
import com.example.shop.contracts.order.OrderShipped;
import com.example.shop.contracts.order.ReturnLine;
import com.example.shop.platform.messaging.EventEnvelope;
import com.example.shop.platform.messaging.Events;
import com.example.shop.platform.messaging.Inbox;

/**
 * Moves reservations and stock along the order lifecycle: confirmed -> the reservation is CONFIRMED (no
 * longer expires), shipped -> COMMITTED (the units leave on hand), cancelled or rejected -> RELEASED (a
 * rejection is a safety net behind order-service's own release call), return received and restocked -> the
 * units come back on hand. The inbox records the event id in the same transaction as the change, and the
 * reservation's status (or the return id) makes each change happen once even for two different events about
 * one order, in whatever order they arrive.
 */
@Component
class OrderEventsListener {

    static final String CONSUMER = "catalog-service.inventory";

    private static final Logger log = LoggerFactory.getLogger(OrderEventsListener.class);

    private final Events events;
    private final Inbox inbox;
    private final Reservations reservations;
    private final StockReturns returns;

    OrderEventsListener(Events events, Inbox inbox, Reservations reservations, StockReturns returns) {
        this.events = events;
        this.inbox = inbox;
        this.reservations = reservations;
        this.returns = returns;
    }

    @KafkaListener(topics = OrderEvents.TOPIC, groupId = CONSUMER)
    void on(String value) {
        EventEnvelope event = events.read(value);
        switch (event.type()) {
            case OrderEvents.ORDER_CONFIRMED -> {
                OrderId orderId = orderId(event, events.data(event, OrderConfirmed.class).orderId());
                inbox.processOnce(CONSUMER, event, e -> reservations.confirm(orderId));
            }
            case OrderEvents.ORDER_SHIPPED -> {
                OrderId orderId = orderId(event, events.data(event, OrderShipped.class).orderId());
                inbox.processOnce(CONSUMER, event, e -> reservations.ship(orderId));
            }
            case OrderEvents.ORDER_CANCELLED -> {
                OrderId orderId = orderId(event, events.data(event, OrderCancelled.class).orderId());
                inbox.processOnce(CONSUMER, event, e -> reservations.release(orderId));
            }
            case OrderEvents.ORDER_REJECTED -> {
                OrderId orderId = orderId(event, events.data(event, OrderRejected.class).orderId());
                inbox.processOnce(CONSUMER, event, e -> reservations.release(orderId));
            }
            case OrderEvents.ORDER_RETURN_RECEIVED -> {
                OrderReturnReceived received = events.data(event, OrderReturnReceived.class);
                OrderId orderId = orderId(event, received.orderId());
                if (received.returnId() == null) {
                    throw new Events.MalformedEventException(event.type() + " " + event.id() + " has no returnId");
                }
                ReturnId returnId = new ReturnId(received.returnId());
                List<ReservationLine> lines = lines(event, received.lines());
                inbox.processOnce(CONSUMER, event,
                        e -> returns.receive(returnId, orderId, lines, received.restocked(), received.receivedAt()));
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

    /** The returned units per variant; a line without a variant or with no units cannot be restocked. */
    private static List<ReservationLine> lines(EventEnvelope event, List<ReturnLine> lines) {
        if (lines == null) {
            return List.of();
        }
        return lines.stream().filter(Objects::nonNull).filter(line -> {
            boolean usable = line.productId() != null && line.quantity() > 0;
            if (!usable) {
                log.warn("{} {} has a return line without a product or units; it is skipped", event.type(), event.id());
            }
            return usable;
        }).map(line -> new ReservationLine(new ProductId(line.productId()), line.quantity())).toList();
    }
}
