package com.example.shop.contracts.customer;

import java.time.Instant;
import java.util.UUID;

/**
 * {@value CustomerEvents#CUSTOMER_REGISTERED}: a new customer account.
 *
 * @param unsubscribeToken an opaque secret a mail may put in its unsubscribe link
 *     ({@code POST /api/customers/unsubscribe}); customer-service checks it
 */
public record CustomerRegistered(UUID customerId, String email, String name, Preferences preferences,
        String unsubscribeToken, Instant registeredAt) {
}
