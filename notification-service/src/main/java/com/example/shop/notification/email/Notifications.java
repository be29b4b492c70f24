package com.example.shop.notification.email;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells customers about their orders by e-mail, at most once per event.
 *
 * <p>Recording and sending are separate steps. {@link #record} runs in the transaction that records the event
 * in the inbox, so an event yields exactly one PENDING notification. {@link #deliver} then sends it outside any
 * transaction; only a caller that wins the {@link NotificationRepository#claim claim} sends, so the listener
 * and the retry job never send the same notification at the same time.
 */
@Service
public class Notifications {

    private static final Logger log = LoggerFactory.getLogger(Notifications.class);
    private static final int RETRY_BATCH = 50;

    private final NotificationRepository notifications;
    private final Mailer mailer;
    private final NotificationProperties.Retry retry;

    Notifications(NotificationRepository notifications, Mailer mailer, NotificationProperties properties) {
        this.notifications = notifications;
        this.mailer = mailer;
        this.retry = properties.retry();
    }

    /**
     * Records the e-mail for an order outcome as PENDING.
     *
     * @return the new notification's id, or empty when this event already has one
     */
    @Transactional
    public Optional<NotificationId> record(OrderOutcome outcome) {
        var notification = new Notification(NotificationId.random(), outcome.eventId(), OrderEmails.typeOf(outcome),
                outcome.orderId(), outcome.customerId(), Channel.EMAIL, outcome.customerEmail(),
                OrderEmails.write(outcome), NotificationStatus.PENDING, 0, null, null);
        return notifications.insert(notification) ? Optional.of(notification.id()) : Optional.empty();
    }

    /**
     * Attempts to send a PENDING, due notification. A failed attempt leaves it PENDING for the retry job.
     *
     * @return {@code true} when the e-mail was sent now
     */
    public boolean deliver(NotificationId id) {
        Optional<Notification> claimed = notifications.claim(id, retry.initialBackoff(), retry.maxBackoff());
        if (claimed.isEmpty()) {
            return false;
        }
        Notification notification = claimed.get();
        try {
            mailer.send(notification);
        }
        catch (MailException ex) {
            log.warn("E-mail {} to {} not sent (attempt {}), will retry: {}", id, notification.recipient(),
                    notification.attempts(), ex.getMessage());
            notifications.markAttemptFailed(id, String.valueOf(ex.getMessage()), retry.maxAttempts());
            return false;
        }
        // A crash here sends the e-mail again after the lease; the stable Message-ID marks it as a resend.
        notifications.markSent(id);
        return true;
    }

    /** Sends the PENDING notifications whose next attempt is due; returns how many were sent. */
    public int deliverDue() {
        int sent = 0;
        for (NotificationId id : notifications.findDue(RETRY_BATCH)) {
            if (deliver(id)) {
                sent++;
            }
        }
        return sent;
    }

    /** A customer's notifications, newest first. */
    public List<Notification> history(UUID customerId) {
        return notifications.findByCustomer(customerId);
    }
}
