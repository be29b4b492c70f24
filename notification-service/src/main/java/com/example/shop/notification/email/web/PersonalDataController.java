package com.example.shop.notification.email.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.example.shop.notification.email.Notifications;
import com.example.shop.notification.recipient.Recipient;

/** customer-service's personal-data export asks every service what it holds about a customer. */
@RestController
class PersonalDataController {

    private final Notifications notifications;

    PersonalDataController(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/internal/customers/{customerId}/personal-data")
    PersonalDataResponse personalData(@PathVariable UUID customerId) {
        Notifications.PersonalData data = notifications.personalData(customerId);
        Recipient recipient = data.recipient().orElse(null);
        return new PersonalDataResponse("notification-service", new PersonalDataResponse.Data(
                recipient == null ? null : new PersonalDataResponse.RecipientView(recipient.email(), recipient.name()),
                recipient == null ? null : new PersonalDataResponse.PreferencesView(recipient.marketingOptIn(),
                        recipient.channelsByTopic().entrySet().stream()
                                .map(e -> new PersonalDataResponse.SubscriptionView(e.getKey(), e.getValue()))
                                .toList(),
                        recipient.asOf()),
                data.notifications().stream().map(NotificationResponse::of).toList()));
    }

    /** {@code {"service":"notification-service","data":{"recipient","preferences","notifications"}}}. */
    record PersonalDataResponse(String service, Data data) {

        record Data(RecipientView recipient, PreferencesView preferences, List<NotificationResponse> notifications) {
        }

        record RecipientView(String email, String name) {
        }

        /** The preferences as customer-service last published them, as of that event's time. */
        record PreferencesView(boolean marketingOptIn, List<SubscriptionView> subscriptions, Instant asOf) {
        }

        record SubscriptionView(String topic, List<String> channels) {
        }
    }
}
