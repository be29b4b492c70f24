package com.example.shop.cart.shopping.messaging;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.example.shop.cart.shopping.CustomerId;
import com.example.shop.cart.shopping.CustomersPersonalData;
import com.example.shop.contracts.customer.CustomerDeleted;
import com.example.shop.contracts.customer.CustomerEvents;
import com.example.shop.platform.messaging.EventEnvelope;
import com.example.shop.platform.messaging.Events;
import com.example.shop.platform.messaging.Inbox;

/**
 * Deletes a customer's carts when their account is deleted. Through the inbox, so a redelivered event is
 * skipped; the deletion itself is idempotent too, and later events about the customer (an order confirmation
 * that empties the cart) find no cart and change nothing. Other customer events are ignored.
 */
@Component
class CustomerEventsListener {

    static final String CONSUMER = "cart-service.customers";

    private final Events events;
    private final Inbox inbox;
    private final CustomersPersonalData personalData;

    CustomerEventsListener(Events events, Inbox inbox, CustomersPersonalData personalData) {
        this.events = events;
        this.inbox = inbox;
        this.personalData = personalData;
    }

    @KafkaListener(topics = CustomerEvents.TOPIC, groupId = CONSUMER)
    void on(String value) {
        EventEnvelope event = events.read(value);
        if (!CustomerEvents.CUSTOMER_DELETED.equals(event.type())) {
            return;
        }
        CustomerDeleted deleted = events.data(event, CustomerDeleted.class);
        if (deleted.customerId() == null) {
            throw new Events.MalformedEventException(event.type() + " " + event.id() + " has no customerId");
        }
        inbox.processOnce(CONSUMER, event, e -> personalData.erase(new CustomerId(deleted.customerId())));
    }
}
