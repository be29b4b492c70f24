package com.example.shop.loyalty.points;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The tiers of the programme, by points earned over the last twelve months, and what each is worth: a
 * multiplier on the points an order earns.
 */
public enum Tier {
    BRONZE(new BigDecimal("1"), 0),
    SILVER(new BigDecimal("1.25"), 500),
    GOLD(new BigDecimal("1.5"), 2000);

    private final BigDecimal multiplier;
    private final long threshold;

    Tier(BigDecimal multiplier, long threshold) {
        this.multiplier = multiplier;
        this.threshold = threshold;
    }

    public BigDecimal multiplier() {
        return multiplier;
    }

    /** Points earned over the window from which this tier applies. */
    public long threshold() {
        return threshold;
    }

    /** The tier for the points earned over the window. */
    public static Tier forPoints(long pointsInWindow) {
        Tier tier = BRONZE;
        for (Tier candidate : values()) {
            if (pointsInWindow >= candidate.threshold) {
                tier = candidate;
            }
        }
        return tier;
    }

    /** The tier above this one, or {@code null} at the top. */
    public Tier next() {
        return ordinal() + 1 < values().length ? values()[ordinal() + 1] : null;
    }

    /**
     * Points an amount paid earns in this tier: each whole currency unit earns one point, times the multiplier,
     * rounded down. Fractions of a unit and amounts below zero earn nothing.
     */
    public long pointsFor(BigDecimal amountPaid) {
        if (amountPaid == null || amountPaid.signum() <= 0) {
            return 0;
        }
        BigDecimal wholeUnits = amountPaid.setScale(0, RoundingMode.FLOOR);
        return wholeUnits.multiply(multiplier).setScale(0, RoundingMode.FLOOR).longValueExact();
    }

    /** What the tier gives, in words, for the customer's view. */
    public String benefit() {
        return multiplier.stripTrailingZeros().toPlainString() + " point(s) per whole unit of currency paid";
    }
}
