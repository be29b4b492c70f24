package com.example.shop.notification.email.web;

import java.time.Instant;
import java.util.UUID;

import com.example.shop.notification.email.Channel;
import com.example.shop.notification.email.NotificationStatus;
import com.example.shop.notification.email.NotificationType;

/** One entry of a customer's notification history; {@code sentAt} is null until the e-mail was sent. */
record NotificationResponse(UUID id, NotificationType type, UUID orderId, Channel channel, String recipient,
        NotificationStatus status, Instant sentAt) {
}
