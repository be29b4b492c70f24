package com.example.shop.contracts.customer;

import java.time.Instant;
import java.util.UUID;

/**
 * {@value CustomerEvents#CUSTOMER_PREFERENCES_CHANGED}: the customer's consent or notification preferences
 * changed (in their profile, or through an unsubscribe link). Carries the whole new state, so the latest event
 * is all a consumer needs.
 */
public record CustomerPreferencesChanged(UUID customerId, String email, String name, Preferences preferences,
        String unsubscribeToken, Instant changedAt) {
}
