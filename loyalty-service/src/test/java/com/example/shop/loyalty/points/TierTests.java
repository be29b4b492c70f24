package com.example.shop.loyalty.points;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class TierTests {

    @Test
    void isSilverFrom500AndGoldFrom2000PointsInTheWindow() {
        assertThat(Tier.forPoints(0)).isEqualTo(Tier.BRONZE);
        assertThat(Tier.forPoints(499)).isEqualTo(Tier.BRONZE);
        assertThat(Tier.forPoints(500)).isEqualTo(Tier.SILVER);
        assertThat(Tier.forPoints(1999)).isEqualTo(Tier.SILVER);
        assertThat(Tier.forPoints(2000)).isEqualTo(Tier.GOLD);
        assertThat(Tier.forPoints(-5)).isEqualTo(Tier.BRONZE);
    }

    @Test
    void earnsWholeUnitsTimesTheMultiplierRoundedDown() {
        assertThat(Tier.BRONZE.pointsFor(new BigDecimal("59.97"))).isEqualTo(59);
        assertThat(Tier.SILVER.pointsFor(new BigDecimal("59.97"))).isEqualTo(73);
        assertThat(Tier.GOLD.pointsFor(new BigDecimal("59.97"))).isEqualTo(88);
        assertThat(Tier.SILVER.pointsFor(new BigDecimal("3.99"))).isEqualTo(3);
        assertThat(Tier.GOLD.pointsFor(new BigDecimal("1.00"))).isEqualTo(1);
    }

    @Test
    void earnsNothingForNothingOrLessThanAUnit() {
        assertThat(Tier.GOLD.pointsFor(new BigDecimal("0.99"))).isZero();
        assertThat(Tier.GOLD.pointsFor(BigDecimal.ZERO)).isZero();
        assertThat(Tier.GOLD.pointsFor(new BigDecimal("-10"))).isZero();
        assertThat(Tier.GOLD.pointsFor(null)).isZero();
    }

    @Test
    void namesTheNextTierUpToGold() {
        assertThat(Tier.BRONZE.next()).isEqualTo(Tier.SILVER);
        assertThat(Tier.SILVER.next()).isEqualTo(Tier.GOLD);
        assertThat(Tier.GOLD.next()).isNull();
    }
}
