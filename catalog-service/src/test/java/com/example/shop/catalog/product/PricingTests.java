package com.example.shop.catalog.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class PricingTests {

    private static final Instant FROM = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    void paysTheSalePriceOnlyWithinItsWindow() {
        var pricing = new Pricing(Money.euros("20.00"), Money.euros("15.00"), FROM, TO);

        assertThat(pricing.effective(FROM.minusSeconds(1))).isEqualTo(Money.euros("20.00"));
        assertThat(pricing.effective(FROM)).isEqualTo(Money.euros("15.00"));
        assertThat(pricing.effective(TO.minusSeconds(1))).isEqualTo(Money.euros("15.00"));
        assertThat(pricing.effective(TO)).isEqualTo(Money.euros("20.00"));
    }

    @Test
    void treatsAMissingWindowEndAsOpen() {
        var pricing = new Pricing(Money.euros("20.00"), Money.euros("15.00"), null, TO);

        assertThat(pricing.effective(Instant.EPOCH)).isEqualTo(Money.euros("15.00"));
        assertThat(Pricing.listOnly(Money.euros("20.00")).effective(FROM)).isEqualTo(Money.euros("20.00"));
    }

    @Test
    void refusesPricesThatBreakTheRules() {
        assertThatThrownBy(() -> Pricing.listOnly(Money.euros("-0.01"))).isInstanceOf(InvalidCatalogDataException.class);
        assertThatThrownBy(() -> new Pricing(Money.euros("20.00"), Money.euros("-1.00"), null, null))
                .isInstanceOf(InvalidCatalogDataException.class);
        assertThatThrownBy(() -> new Pricing(Money.euros("20.00"), Money.euros("20.00"), null, null))
                .isInstanceOf(InvalidCatalogDataException.class);
        assertThatThrownBy(() -> new Pricing(Money.euros("20.00"), Money.euros("10.00"), TO, FROM))
                .isInstanceOf(InvalidCatalogDataException.class);
        assertThatThrownBy(() -> new Pricing(Money.euros("20.00"), Money.euros("10.00"), FROM, FROM))
                .isInstanceOf(InvalidCatalogDataException.class);
        assertThatThrownBy(() -> new Pricing(Money.euros("20.00"), null, FROM, TO))
                .isInstanceOf(InvalidCatalogDataException.class);
    }

    @Test
    void movesStatusOnlyForward() {
        assertThat(ProductStatus.DRAFT.canMoveTo(ProductStatus.ACTIVE)).isTrue();
        assertThat(ProductStatus.ACTIVE.canMoveTo(ProductStatus.ARCHIVED)).isTrue();
        assertThat(ProductStatus.DRAFT.canMoveTo(ProductStatus.ARCHIVED)).isTrue();
        assertThat(ProductStatus.ACTIVE.canMoveTo(ProductStatus.DRAFT)).isFalse();
        assertThat(ProductStatus.ARCHIVED.canMoveTo(ProductStatus.ACTIVE)).isFalse();
    }
}
