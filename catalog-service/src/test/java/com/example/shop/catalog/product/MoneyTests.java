package com.example.shop.catalog.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class MoneyTests {

    @Test
    void keepsAmountsToTheCent() {
        assertThat(new Money(new BigDecimal("89"), "EUR").amount().toPlainString()).isEqualTo("89.00");
        assertThat(Money.euros("19.9").amount().toPlainString()).isEqualTo("19.90");
    }

    @Test
    void refusesFractionsOfACentInsteadOfRounding() {
        assertThatThrownBy(() -> Money.euros("19.999")).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void refusesNegativePricesForNewProducts() {
        assertThatThrownBy(() -> new NewProduct("X-1", "x", "", "c", Money.euros("-0.01"), 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NewProduct("X-1", "x", "", "c", Money.euros("1.00"), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
