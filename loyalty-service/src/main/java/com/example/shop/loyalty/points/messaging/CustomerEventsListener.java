package com.example.shop.loyalty.points.messaging;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.example.shop.contracts.customer.CustomerDeleted;
import com.example.shop.contracts.customer.CustomerEvents;
import com.example.shop.loyalty.points.CustomerDeletion;
import com.example.shop.loyalty.points.CustomerId;
import com.example.shop.platform.messaging.EventEnvelope;
import com.example.shop.platform.messaging.Events;
import com.example.shop.platform.messaging.Inbox;

/** {@code customer.deleted.v1}: the customer's loyalty data is deleted; other customer events are ignored. */
@Component
class CustomerEventsListener {

    static final String CONSUMER = "loyalty-service.customers";

    private final Events events;
    private final Inbox inbox;
    private final CustomerDeletion deletion;

    CustomerEventsListener(Events events, Inbox inbox, CustomerDeletion deletion) {
        this.events = events;
        this.inbox = inbox;
        this.deletion = deletion;
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
        var customer = new CustomerId(deleted.customerId());
        inbox.processOnce(CONSUMER, event, e -> deletion.forget(customer));
    }
}
