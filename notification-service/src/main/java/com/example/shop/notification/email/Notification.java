package com.example.shop.notification.email;

import java.time.Instant;
import java.util.UUID;

import com.example.shop.notification.recipient.Topic;

/**
 * One message to a customer about one event, and how far its delivery got.
 *
 * @param orderId the order the mail is about, or {@code null}
 * @param recipient the address; {@code null} once the customer's data was deleted
 * @param unsubscribeUrl the link of the mail's footer and {@code List-Unsubscribe} header, or {@code null}
 * @param statusReason why a mail was suppressed or cancelled, or {@code null}
 */
public record Notification(NotificationId id, UUID eventId, NotificationType type, UUID orderId, UUID customerId,
        Channel channel, String recipient, EmailContent content, String unsubscribeUrl, NotificationStatus status,
        String statusReason, int attempts, Instant createdAt, Instant sentAt) {

    public Topic topic() {
        return type.topic();
    }
}
