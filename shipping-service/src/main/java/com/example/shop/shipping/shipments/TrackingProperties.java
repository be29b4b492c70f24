package com.example.shop.shipping.shipments;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the carrier is polled for parcels on their way ({@code shop.shipping.tracking.*}).
 *
 * @param enabled   whether this instance polls at all
 * @param interval  pause between two polls of one shipment, and between two rounds of the poller
 *                  ({@code SHOP_SHIPPING_TRACKING_INTERVAL})
 * @param batchSize shipments claimed per round
 */
@ConfigurationProperties("shop.shipping.tracking")
public record TrackingProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("10s") Duration interval,
        @DefaultValue("50") int batchSize) {

    public TrackingProperties {
        if (!interval.isPositive() || batchSize <= 0) {
            throw new IllegalArgumentException("shop.shipping.tracking.interval and batch-size must be positive");
        }
    }
}
