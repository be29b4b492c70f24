package com.example.shop.loyalty.points;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/** How many points a hold takes for an order: what was asked, but never a discount above the order's total. */
class HoldSizeTests {

    private static Holds holds(String pointValue) {
        var properties = new LoyaltyProperties(new BigDecimal(pointValue), Duration.ofDays(365), Duration.ofHours(1),
                100, Duration.ofDays(365), Duration.ofDays(1));
        return new Holds(null, null, null, properties);
    }

    private static Money eur(String amount) {
        return new Money(new BigDecimal(amount), "EUR");
    }

    @Test
    void takesOnlyThePointsTheTotalNeedsWhenMoreAreAsked() {
        assertThat(holds("0.01").needed(5000, eur("20.00"))).isEqualTo(2000);
        assertThat(holds("0.01").needed(10_000, eur("89.97"))).isEqualTo(8997);
    }

    @Test
    void takesEveryPointAskedWhenTheTotalNeedsThemAll() {
        assertThat(holds("0.01").needed(300, eur("89.97"))).isEqualTo(300);
        assertThat(holds("0.01").needed(8997, eur("89.97"))).isEqualTo(8997);
    }

    @Test
    void takesEveryPointAskedWithoutAMaxDiscount() {
        assertThat(holds("0.01").needed(5000, null)).isEqualTo(5000);
    }

    @Test
    void takesNoPointsForAFreeOrder() {
        assertThat(holds("0.01").needed(5000, eur("0.00"))).isZero();
    }

    @Test
    void roundsDownWhenTheTotalIsNotAWholeNumberOfPointsSoTheDiscountNeverExceedsIt() {
        Holds holds = holds("0.03");

        // 20.00 / 0.03 = 666.67: 667 points would be worth 20.01, so 666 (19.98) are held.
        assertThat(holds.needed(5000, eur("20.00"))).isEqualTo(666);
        assertThat(holds.worth(666, "EUR").amount()).isEqualByComparingTo("19.98");
        assertThat(holds.needed(600, eur("20.00"))).isEqualTo(600);
        assertThat(holds.needed(5000, eur("0.02"))).isZero();
        assertThat(holds.needed(5000, eur("19.98"))).isEqualTo(666);
    }
}
