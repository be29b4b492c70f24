package com.example.shop.notification.email.messaging;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

import com.example.shop.notification.email.NotificationId;
import com.example.shop.notification.email.Notifications;
import com.example.shop.notification.email.Occasion;
import com.example.shop.platform.messaging.EventEnvelope;
import com.example.shop.platform.messaging.Inbox;

/**
 * How every listener hands over an occasion: the mail is recorded through the inbox (one per event), then sent at
 * once on a background thread, so a slow SMTP server never stalls the partition. A failed send does not fail the
 * record; the retry job takes over.
 */
@Component
class OccasionIntake {

    private final Inbox inbox;
    private final Notifications notifications;

    OccasionIntake(Inbox inbox, Notifications notifications) {
        this.inbox = inbox;
        this.notifications = notifications;
    }

    void take(String consumer, EventEnvelope envelope, Occasion occasion) {
        take(consumer, envelope, () -> notifications.record(occasion));
    }

    /** Records through the inbox whatever {@code effect} does, then sends the notification it recorded, if any. */
    void take(String consumer, EventEnvelope envelope, Supplier<Optional<NotificationId>> effect) {
        var recorded = new AtomicReference<NotificationId>();
        inbox.processOnce(consumer, envelope, event -> effect.get().ifPresent(recorded::set));
        deliver(recorded);
    }

    private void deliver(AtomicReference<NotificationId> recorded) {
        if (recorded.get() != null) {
            notifications.deliverSoon(recorded.get());
        }
    }
}
