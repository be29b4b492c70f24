package com.example.shop.order.personaldata.messaging;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.example.shop.contracts.customer.CustomerDeleted;
import com.example.shop.contracts.customer.CustomerEvents;
import com.example.shop.order.ordering.CustomerId;
import com.example.shop.order.personaldata.PersonalData;
import com.example.shop.platform.messaging.EventEnvelope;
import com.example.shop.platform.messaging.Events;
import com.example.shop.platform.messaging.Inbox;

/**
 * Hears customer-service: {@code customer.deleted.v1} anonymises the customer's orders. Through the inbox, so
 * a redelivered event changes nothing; other types are ignored.
 */
@Component
class CustomerEventsListener {

    static final String CONSUMER = "order-service.customers";

    private final Events events;
    private final Inbox inbox;
    private final PersonalData personalData;

    CustomerEventsListener(Events events, Inbox inbox, PersonalData personalData) {
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
        inbox.processOnce(CONSUMER, event, e -> personalData.anonymise(new CustomerId(deleted.customerId())));
    }
}
