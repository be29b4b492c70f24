package com.example.shop.notification.email.web;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.ErrorResponseException;
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
        return notifications.history(customerOf(jwt)).stream().map(NotificationResponse::of).toList();
    }

    /**
     * The customer a token speaks for. customer-service always puts a customer id in {@code sub}; a validly
     * signed token with anything else there is forbidden here, as in the other services, not a server error.
     */
    static UUID customerOf(Jwt jwt) {
        try {
            return UUID.fromString(jwt.getSubject());
        }
        catch (IllegalArgumentException | NullPointerException ex) {
            throw new ErrorResponseException(HttpStatus.FORBIDDEN,
                    ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "The token does not name a customer."),
                    ex);
        }
    }
}
