package com.example.shop.notification.email.web;

import java.util.List;
import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.example.shop.notification.email.Notifications;

@RestController
class NotificationHistoryController {

    private final Notifications notifications;

    NotificationHistoryController(Notifications notifications) {
        this.notifications = notifications;
    }

    /** The caller's own notifications: the customer is the token's subject, never a request parameter. */
    @GetMapping("/api/customers/me/notifications")
    List<NotificationResponse> mine(@AuthenticationPrincipal Jwt jwt) {
        UUID customerId = UUID.fromString(jwt.getSubject());
        return notifications.history(customerId).stream()
                .map(n -> new NotificationResponse(n.id().value(), n.type(), n.orderId(), n.channel(), n.recipient(),
                        n.status(), n.sentAt()))
                .toList();
    }
}
