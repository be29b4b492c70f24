package com.example.shop.contracts.loyalty;

import java.time.Instant;
import java.util.UUID;

/**
 * {@value LoyaltyEvents#TIER_CHANGED}: the customer's tier moved (points earned over the last twelve months
 * crossed a threshold, up or down).
 *
 * @param from {@code BRONZE}, {@code SILVER}, {@code GOLD}; consumers must accept tiers they do not know
 */
public record TierChanged(UUID customerId, String from, String to, long pointsLast12Months, Instant changedAt) {
}
