package com.example.shop.notification.email;

import java.time.Instant;
import java.util.UUID;

/** One message to a customer about one event, and how far its delivery got. */
public record Notification(NotificationId id, UUID eventId, NotificationType type, UUID orderId, UUID customerId,
        Channel channel, String recipient, EmailContent content, NotificationStatus status, int attempts,
        Instant createdAt, Instant sentAt) {
}
