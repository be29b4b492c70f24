package com.example.shop.shipping.shipments;

import java.math.BigDecimal;
import java.util.Objects;

/** A non-negative amount (at most two decimals, as stored) in an ISO 4217 currency. */
public record Money(BigDecimal amount, String currency) {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("A price cannot be negative: " + amount);
        }
        if (!currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("Not an ISO 4217 currency code: " + currency);
        }
        amount = amount.setScale(2, java.math.RoundingMode.UNNECESSARY);
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency;
    }
}
