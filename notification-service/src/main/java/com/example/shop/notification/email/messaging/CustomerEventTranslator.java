package com.example.shop.notification.email.messaging;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.example.shop.contracts.customer.CustomerDeleted;
import com.example.shop.contracts.customer.CustomerEvents;
import com.example.shop.contracts.customer.CustomerPreferencesChanged;
import com.example.shop.contracts.customer.CustomerRegistered;
import com.example.shop.contracts.customer.Preferences;
import com.example.shop.notification.email.Occasion;
import com.example.shop.notification.recipient.Recipient;
import com.example.shop.platform.messaging.EventEnvelope;
import com.example.shop.platform.messaging.Events;

/** Turns customer-service's customer events into changes of the recipient directory (and the welcome mail). */
final class CustomerEventTranslator {

    private CustomerEventTranslator() {
    }

    static Optional<CustomerChange> translate(Events events, EventEnvelope envelope) {
        return Translation.guarded(envelope, () -> switch (envelope.type()) {
            case CustomerEvents.CUSTOMER_REGISTERED -> {
                CustomerRegistered e = events.data(envelope, CustomerRegistered.class);
                Recipient recipient = recipient(e.customerId(), e.email(), e.name(), e.preferences(),
                        e.unsubscribeToken(), timeOf(e.registeredAt(), envelope));
                yield Optional.of(new CustomerChange.Registered(recipient,
                        new Occasion.Welcome(envelope.id(), e.customerId(), e.email(), e.name())));
            }
            case CustomerEvents.CUSTOMER_PREFERENCES_CHANGED -> {
                CustomerPreferencesChanged e = events.data(envelope, CustomerPreferencesChanged.class);
                yield Optional.of(new CustomerChange.PreferencesChanged(recipient(e.customerId(), e.email(),
                        e.name(), e.preferences(), e.unsubscribeToken(), timeOf(e.changedAt(), envelope))));
            }
            case CustomerEvents.CUSTOMER_DELETED -> {
                CustomerDeleted e = events.data(envelope, CustomerDeleted.class);
                yield Optional.of(new CustomerChange.Deleted(Objects.requireNonNull(e.customerId(), "customerId")));
            }
            default -> Optional.empty();
        });
    }

    /** The event's own time of the change; the envelope's when the data has none. */
    private static Instant timeOf(Instant changedAt, EventEnvelope envelope) {
        return changedAt != null ? changedAt : Objects.requireNonNull(envelope.time(), "time");
    }

    private static Recipient recipient(java.util.UUID customerId, String email, String name, Preferences preferences,
            String unsubscribeToken, Instant asOf) {
        Objects.requireNonNull(preferences, "preferences");
        Map<String, List<String>> channels = new LinkedHashMap<>();
        if (preferences.subscriptions() != null) {
            preferences.subscriptions().forEach(subscription -> channels.put(
                    Objects.requireNonNull(subscription.topic(), "topic"),
                    subscription.channels() == null ? List.of() : List.copyOf(subscription.channels())));
        }
        return new Recipient(customerId, email, name, preferences.marketingOptIn(), channels, unsubscribeToken, asOf);
    }
}
