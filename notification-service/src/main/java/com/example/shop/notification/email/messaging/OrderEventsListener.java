package com.example.shop.notification.email.messaging;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.example.shop.contracts.order.OrderEvents;
import com.example.shop.platform.messaging.EventEnvelope;
import com.example.shop.platform.messaging.Events;

/** Hears confirmed, rejected, cancelled, shipped and refunded orders; ignores the other order events. */
@Component
class OrderEventsListener {

    /** The inbox consumer name; the inbox records each event once per name. */
    static final String CONSUMER = "email";

    private final Events events;
    private final OccasionIntake intake;

    OrderEventsListener(Events events, OccasionIntake intake) {
        this.events = events;
        this.intake = intake;
    }

    @KafkaListener(topics = OrderEvents.TOPIC, groupId = "notification-service.email")
    void on(String value) {
        EventEnvelope envelope = events.read(value);
        OrderEventTranslator.translate(events, envelope).ifPresent(occasion -> intake.take(CONSUMER, envelope, occasion));
    }
}
