package com.example.shop.customer.preferences.messaging;

import java.time.Instant;

import org.springframework.stereotype.Component;

import com.example.shop.contracts.customer.CustomerEvents;
import com.example.shop.customer.account.Customer;
import com.example.shop.customer.preferences.NotificationPreferences;
import com.example.shop.customer.preferences.PreferencesEvents;
import com.example.shop.platform.messaging.Outbox;

/** Writes the preferences' customer events to the outbox, keyed by customer id. */
@Component
class OutboxPreferencesEvents implements PreferencesEvents {

    private final Outbox outbox;

    OutboxPreferencesEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void registered(Customer customer, NotificationPreferences preferences, String token, Instant at) {
        outbox.publish(CustomerEvents.TOPIC, customer.id().toString(), CustomerEvents.CUSTOMER_REGISTERED,
                CustomerEventsTranslator.registered(customer, preferences, token, at));
    }

    @Override
    public void changed(Customer customer, NotificationPreferences preferences, String token, Instant at) {
        outbox.publish(CustomerEvents.TOPIC, customer.id().toString(), CustomerEvents.CUSTOMER_PREFERENCES_CHANGED,
                CustomerEventsTranslator.changed(customer, preferences, token, at));
    }
}
