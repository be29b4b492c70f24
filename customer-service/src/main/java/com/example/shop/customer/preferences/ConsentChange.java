package com.example.shop.customer.preferences;

import java.time.Instant;

/**
 * One entry of the consent history: who changed what, and when.
 *
 * @param before the preferences before the change; {@code null} for the first entry
 */
public record ConsentChange(Instant changedAt, ConsentSource source, NotificationPreferences before,
        NotificationPreferences after) {
}
