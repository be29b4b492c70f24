package com.example.shop.loyalty.points;

/** The answer to a release: what the hold is now. */
public enum ReleaseOutcome {
    /** The held points went back to the available balance (now or before). */
    RELEASED,
    /** The order was confirmed and the points redeemed; nothing changed. */
    SPENT,
    /** Nothing was held for the order. */
    NONE
}
