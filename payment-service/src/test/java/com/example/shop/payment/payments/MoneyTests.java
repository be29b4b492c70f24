package com.example.shop.payment.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MoneyTests {

    private static Money money(String amount, String currency) {
        return Money.of(new BigDecimal(amount), currency);
    }

    @ParameterizedTest
    @CsvSource({"19.99, EUR, 1999", "20, EUR, 2000", "0.01, USD, 1", "1500, JPY, 1500", "1.5, KWD, 1500"})
    void convertsToTheCurrencysMinorUnits(String amount, String currency, long minorUnits) {
        assertThat(money(amount, currency).minorUnits()).isEqualTo(minorUnits);
    }

    @Test
    void treatsAmountsThatDifferOnlyInTrailingZerosAsEqual() {
        assertThat(money("19.9", "EUR")).isEqualTo(money("19.900", "EUR"));
    }

    @ParameterizedTest
    @CsvSource({"0, EUR", "-1.00, EUR", "19.999, EUR", "19.99, JPY", "1.234, KWD", "1, XXX"})
    void rejectsAmountsTheCurrencyCannotHave(String amount, String currency) {
        assertThatIllegalArgumentException().isThrownBy(() -> money(amount, currency));
    }

    @Test
    void rejectsAnUnknownCurrency() {
        assertThatIllegalArgumentException().isThrownBy(() -> money("1.00", "ABC"))
                .withMessageContaining("ABC");
    }
}
