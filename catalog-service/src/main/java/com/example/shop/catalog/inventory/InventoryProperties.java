package com.example.shop.catalog.inventory;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code shop.inventory.*}.
 *
 * @param reservationTtl how long a reservation holds stock before it expires (default 15 minutes; an order's
 *     payment deadline is 2 minutes, and a confirmed order's reservation is CONFIRMED, which never expires)
 * @param expiryInterval how often the expiry job looks for reservations that are due
 * @param expiryBatchSize how many due reservations one transaction of the job expires at most
 */
@ConfigurationProperties("shop.inventory")
public record InventoryProperties(@DefaultValue("15m") Duration reservationTtl,
        @DefaultValue("30s") Duration expiryInterval, @DefaultValue("100") int expiryBatchSize) {

    public InventoryProperties {
        if (reservationTtl.isNegative() || reservationTtl.isZero()) {
            throw new IllegalArgumentException("shop.inventory.reservation-ttl must be positive");
        }
        if (expiryBatchSize < 1) {
            throw new IllegalArgumentException("shop.inventory.expiry-batch-size must be positive");
        }
    }
}
