package com.example.shop.loyalty.points;

import java.math.BigDecimal;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the programme ({@code shop.loyalty.*}).
 *
 * @param pointValue what one point is worth at checkout, in the order's currency
 * @param expiryAfter how long a credit stays spendable
 * @param expiryInterval how often the expiry job runs
 * @param expiryBatchSize accounts the job handles per transaction
 * @param tierWindow the period of earned points that decides the tier
 * @param tierReviewAfter how long a SILVER or GOLD tier stands without a review while nothing happens
 */
@ConfigurationProperties("shop.loyalty")
public record LoyaltyProperties(@DefaultValue("0.01") BigDecimal pointValue, @DefaultValue("P365D") Duration expiryAfter,
        @DefaultValue("1h") Duration expiryInterval, @DefaultValue("100") int expiryBatchSize,
        @DefaultValue("P365D") Duration tierWindow, @DefaultValue("P1D") Duration tierReviewAfter) {
}
