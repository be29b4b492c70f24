package com.example.shop.customer.survey.messaging;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.example.shop.contracts.order.OrderDelivered;
import com.example.shop.contracts.order.OrderEvents;
import com.example.shop.customer.account.CustomerId;
import com.example.shop.customer.survey.Surveys;
import com.example.shop.platform.messaging.EventEnvelope;
import com.example.shop.platform.messaging.Events;
import com.example.shop.platform.messaging.Inbox;

/** Invites the customer of every delivered order to a survey; every other order event is ignored. */
@Component
class OrderEventsListener {

    /** The inbox consumer name; the inbox records each event once per name. */
    static final String CONSUMER = "surveys";

    private final Events events;
    private final Inbox inbox;
    private final Surveys surveys;

    OrderEventsListener(Events events, Inbox inbox, Surveys surveys) {
        this.events = events;
        this.inbox = inbox;
        this.surveys = surveys;
    }

    @KafkaListener(topics = OrderEvents.TOPIC, groupId = "customer-service.surveys")
    void on(String value) {
        EventEnvelope envelope = events.read(value);
        if (!OrderEvents.ORDER_DELIVERED.equals(envelope.type())) {
            return;
        }
        OrderDelivered delivered = events.data(envelope, OrderDelivered.class);
        if (delivered.orderId() == null || delivered.customerId() == null) {
            throw new Events.MalformedEventException(envelope.type() + " " + envelope.id() + " lacks orderId or customerId");
        }
        inbox.processOnce(CONSUMER, envelope,
                event -> surveys.invite(delivered.orderId(), new CustomerId(delivered.customerId())));
    }
}
