package com.example.shop.notification.email;

import java.math.BigDecimal;
import java.util.Objects;

/** An amount of money with its ISO 4217 currency, as shown in e-mails. */
public record Amount(BigDecimal value, String currency) {

    public Amount {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(currency, "currency");
    }

    /** This amount {@code quantity} times, in the same currency. */
    public Amount times(int quantity) {
        return new Amount(value.multiply(BigDecimal.valueOf(quantity)), currency);
    }

    public boolean isZero() {
        return value.signum() == 0;
    }

    @Override
    public String toString() {
        return value.toPlainString() + " " + currency;
    }
}
