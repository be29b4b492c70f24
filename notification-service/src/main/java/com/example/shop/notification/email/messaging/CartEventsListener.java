package com.example.shop.notification.email.messaging;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.example.shop.contracts.cart.CartEvents;
import com.example.shop.platform.messaging.EventEnvelope;
import com.example.shop.platform.messaging.Events;

/** Hears abandoned carts: a reminder, with marketing consent only. */
@Component
class CartEventsListener {

    static final String CONSUMER = "cart-reminders";

    private final Events events;
    private final OccasionIntake intake;

    CartEventsListener(Events events, OccasionIntake intake) {
        this.events = events;
        this.intake = intake;
    }

    @KafkaListener(topics = CartEvents.TOPIC, groupId = "notification-service.cart-reminders")
    void on(String value) {
        EventEnvelope envelope = events.read(value);
        CartEventTranslator.translate(events, envelope).ifPresent(occasion -> intake.take(CONSUMER, envelope, occasion));
    }
}
