package com.example.shop.contracts.loyalty;

/**
 * The published contract of loyalty-service: one topic keyed by customer id (so a customer's ledger stays in
 * order), and the stable wire type of each event. Every ledger entry is published once as one of the points
 * events; tier changes have their own.
 */
public final class LoyaltyEvents {

    /** Topic of loyalty events; the Kafka key is the customer id. */
    public static final String TOPIC = "loyalty-events";

    public static final String POINTS_EARNED = "loyalty.points_earned.v1";
    public static final String POINTS_REDEEMED = "loyalty.points_redeemed.v1";
    public static final String POINTS_RESTORED = "loyalty.points_restored.v1";
    public static final String POINTS_REVERSED = "loyalty.points_reversed.v1";
    public static final String POINTS_EXPIRED = "loyalty.points_expired.v1";
    public static final String POINTS_ADJUSTED = "loyalty.points_adjusted.v1";
    public static final String TIER_CHANGED = "loyalty.tier_changed.v1";

    private LoyaltyEvents() {
    }
}
