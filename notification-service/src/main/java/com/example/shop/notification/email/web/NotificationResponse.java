package com.example.shop.notification.email.web;

import java.time.Instant;
import java.util.UUID;

import com.example.shop.notification.email.Channel;
import com.example.shop.notification.email.Notification;
import com.example.shop.notification.email.NotificationStatus;
import com.example.shop.notification.email.NotificationType;
import com.example.shop.notification.recipient.Topic;

/**
 * One entry of a customer's notification history. {@code sentAt} is null until the e-mail was sent;
 * {@code statusReason} says why a mail was SUPPRESSED or CANCELLED; {@code recipient} and {@code subject} are
 * null once the customer's data was deleted.
 */
record NotificationResponse(UUID id, NotificationType type, Topic topic, UUID orderId, Channel channel,
        String recipient, String subject, NotificationStatus status, String statusReason, Instant createdAt,
        Instant sentAt) {

    static NotificationResponse of(Notification n) {
        return new NotificationResponse(n.id().value(), n.type(), n.topic(), n.orderId(), n.channel(), n.recipient(),
                n.content().subject(), n.status(), n.statusReason(), n.createdAt(), n.sentAt());
    }
}
