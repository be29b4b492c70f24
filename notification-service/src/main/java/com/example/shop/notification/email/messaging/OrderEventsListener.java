package com.example.shop.notification.email.messaging;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.example.shop.contracts.order.OrderEvents;
import com.example.shop.notification.email.NotificationId;
import com.example.shop.notification.email.Notifications;
import com.example.shop.notification.email.OrderOutcome;
import com.example.shop.platform.messaging.EventEnvelope;
import com.example.shop.platform.messaging.Events;
import com.example.shop.platform.messaging.Inbox;

/**
 * Hears confirmed and rejected orders: records one e-mail per event through the inbox, then has it sent at once
 * on a background thread, so a slow SMTP server never stalls the partition. A failed send does not fail the
 * record; the retry job takes over.
 */
@Component
class OrderEventsListener {

    /** The inbox consumer name; the inbox records each event once per name. */
    static final String CONSUMER = "email";

    private final Events events;
    private final Inbox inbox;
    private final Notifications notifications;

    OrderEventsListener(Events events, Inbox inbox, Notifications notifications) {
        this.events = events;
        this.inbox = inbox;
        this.notifications = notifications;
    }

    @KafkaListener(topics = OrderEvents.TOPIC, groupId = "notification-service.email")
    void on(String value) {
        EventEnvelope envelope = events.read(value);
        Optional<OrderOutcome> outcome = OrderEventTranslator.translate(events, envelope);
        if (outcome.isEmpty()) {
            return;
        }
        var recorded = new AtomicReference<NotificationId>();
        inbox.processOnce(CONSUMER, envelope, event -> notifications.record(outcome.get()).ifPresent(recorded::set));
        if (recorded.get() != null) {
            notifications.deliverSoon(recorded.get());
        }
    }
}
