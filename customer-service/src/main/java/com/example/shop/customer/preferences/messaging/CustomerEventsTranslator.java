package com.example.shop.customer.preferences.messaging;

import java.time.Instant;
import java.util.Arrays;

import com.example.shop.contracts.customer.CustomerPreferencesChanged;
import com.example.shop.contracts.customer.CustomerRegistered;
import com.example.shop.contracts.customer.Preferences;
import com.example.shop.customer.account.Customer;
import com.example.shop.customer.preferences.Channel;
import com.example.shop.customer.preferences.NotificationPreferences;
import com.example.shop.customer.preferences.Topic;

/** Turns the preferences feature's state into the published records of {@code platform/customer-events}. */
final class CustomerEventsTranslator {

    private CustomerEventsTranslator() {
    }

    static CustomerRegistered registered(Customer customer, NotificationPreferences preferences, String token,
            Instant at) {
        return new CustomerRegistered(customer.id().value(), customer.email(), customer.name(),
                preferences(preferences), token, at);
    }

    static CustomerPreferencesChanged changed(Customer customer, NotificationPreferences preferences, String token,
            Instant at) {
        return new CustomerPreferencesChanged(customer.id().value(), customer.email(), customer.name(),
                preferences(preferences), token, at);
    }

    /** Every topic, in the enum's order, with its channels (an empty list when it is off). */
    static Preferences preferences(NotificationPreferences preferences) {
        return new Preferences(preferences.marketingOptIn(), Arrays.stream(Topic.values())
                .map(topic -> new Preferences.Subscription(topic.name(),
                        preferences.channels(topic).stream().map(Channel::name).toList()))
                .toList());
    }
}
