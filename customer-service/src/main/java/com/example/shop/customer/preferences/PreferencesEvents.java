package com.example.shop.customer.preferences;

import java.time.Instant;

import com.example.shop.customer.account.Customer;

/**
 * Publishes the customer events that carry the preferences; called inside the transaction that changed them
 * (the implementation writes to the outbox).
 */
public interface PreferencesEvents {

    /** {@code customer.registered.v1}. */
    void registered(Customer customer, NotificationPreferences preferences, String unsubscribeToken, Instant at);

    /** {@code customer.preferences_changed.v1}, with the whole new state. */
    void changed(Customer customer, NotificationPreferences preferences, String unsubscribeToken, Instant at);
}
