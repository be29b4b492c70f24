package com.example.shop.order.ordering;

import java.util.Objects;

/**
 * Loyalty points redeemed on an order at checkout.
 *
 * @param pointsRequested what the customer asked to redeem (0: no points, loyalty-service is not asked)
 * @param held whether loyalty-service has answered HELD for the order (the discount is then known)
 * @param pointsRedeemed the points held (and spent once the order is confirmed); 0 until held
 * @param discount what they take off the order's total, at most the total; zero until held
 */
public record Redemption(long pointsRequested, boolean held, long pointsRedeemed, Money discount) {

    /** The most points one checkout may ask to redeem. */
    public static final long MAX_POINTS = 10_000_000L;

    public Redemption {
        Objects.requireNonNull(discount, "discount");
        if (pointsRequested < 0 || pointsRequested > MAX_POINTS || pointsRedeemed < 0) {
            throw new IllegalArgumentException("points out of range: " + pointsRequested + ", " + pointsRedeemed);
        }
        if (discount.amount().signum() < 0) {
            throw new IllegalArgumentException("a discount is never negative");
        }
        if (!held && (pointsRedeemed != 0 || discount.amount().signum() != 0)) {
            throw new IllegalArgumentException("points are redeemed only once they are held");
        }
    }

    public static Redemption requested(long points, String currency) {
        return new Redemption(points, false, 0, Money.zero(currency));
    }

    /** Whether loyalty-service has a part in this order's checkout. */
    public boolean wanted() {
        return pointsRequested > 0;
    }
}
