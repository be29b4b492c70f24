package com.example.shop.cart.shopping;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The cart's limits and clocks ({@code shop.cart.*}).
 *
 * @param maxLines most lines (distinct variants) in one cart
 * @param abandonAfter a customer's cart with lines, unchanged this long, is reported as abandoned
 * @param guestTtl a guest's cart unchanged this long is deleted
 * @param sweepInterval how often the abandonment and expiry job runs
 */
@ConfigurationProperties("shop.cart")
public record CartProperties(@DefaultValue("50") int maxLines, @DefaultValue("24h") Duration abandonAfter,
        @DefaultValue("7d") Duration guestTtl, @DefaultValue("1m") Duration sweepInterval) {
}
