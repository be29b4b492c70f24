package com.example.shop.cart.shopping.messaging;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.example.shop.cart.shopping.CustomerId;
import com.example.shop.cart.shopping.ShoppingCarts;
import com.example.shop.contracts.order.OrderConfirmed;
import com.example.shop.contracts.order.OrderEvents;
import com.example.shop.platform.messaging.EventEnvelope;
import com.example.shop.platform.messaging.Events;
import com.example.shop.platform.messaging.Inbox;

/**
 * Empties the customer's cart once their order is confirmed. The inbox records the event id in the same
 * transaction as the delete, so a redelivered event does not empty a cart the customer has filled again.
 */
@Component
class OrderEventsListener {

    static final String CONSUMER = "cart-service.checkout";

    private final Events events;
    private final Inbox inbox;
    private final ShoppingCarts carts;

    OrderEventsListener(Events events, Inbox inbox, ShoppingCarts carts) {
        this.events = events;
        this.inbox = inbox;
        this.carts = carts;
    }

    @KafkaListener(topics = OrderEvents.TOPIC, groupId = CONSUMER)
    void on(String value) {
        EventEnvelope event = events.read(value);
        if (!OrderEvents.ORDER_CONFIRMED.equals(event.type())) {
            return;
        }
        OrderConfirmed confirmed = events.data(event, OrderConfirmed.class);
        if (confirmed.customerId() == null) {
            throw new Events.MalformedEventException(event.type() + " " + event.id() + " has no customerId");
        }
        inbox.processOnce(CONSUMER, event, e -> carts.clear(new CustomerId(confirmed.customerId())));
    }
}
