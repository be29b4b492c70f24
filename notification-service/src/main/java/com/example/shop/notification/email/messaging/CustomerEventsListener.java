package com.example.shop.notification.email.messaging;

import java.util.Optional;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.example.shop.contracts.customer.CustomerEvents;
import com.example.shop.notification.email.Notifications;
import com.example.shop.notification.recipient.Recipients;
import com.example.shop.platform.messaging.EventEnvelope;
import com.example.shop.platform.messaging.Events;

/**
 * Keeps the recipient directory from customer-service's events, welcomes new customers and forgets deleted ones.
 * Each event is applied once, in one transaction with its inbox entry.
 */
@Component
class CustomerEventsListener {

    static final String CONSUMER = "recipients";

    private final Events events;
    private final OccasionIntake intake;
    private final Recipients recipients;
    private final Notifications notifications;

    CustomerEventsListener(Events events, OccasionIntake intake, Recipients recipients, Notifications notifications) {
        this.events = events;
        this.intake = intake;
        this.recipients = recipients;
        this.notifications = notifications;
    }

    @KafkaListener(topics = CustomerEvents.TOPIC, groupId = "notification-service.recipients")
    void on(String value) {
        EventEnvelope envelope = events.read(value);
        CustomerEventTranslator.translate(events, envelope).ifPresent(change -> intake.take(CONSUMER, envelope,
                () -> switch (change) {
                    case CustomerChange.Registered registered -> {
                        // The directory first, so the welcome mail goes by the newest preferences known.
                        recipients.apply(registered.recipient());
                        yield notifications.record(registered.welcome());
                    }
                    case CustomerChange.PreferencesChanged changed -> {
                        recipients.apply(changed.recipient());
                        yield Optional.empty();
                    }
                    case CustomerChange.Deleted deleted -> {
                        notifications.forget(deleted.customerId());
                        yield Optional.empty();
                    }
                }));
    }
}
