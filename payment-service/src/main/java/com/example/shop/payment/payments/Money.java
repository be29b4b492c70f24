package com.example.shop.payment.payments;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * A positive amount in a currency, with no more decimals than the currency has and never more than two (the
 * scale the payment table stores). Kept at the currency's scale, so 19.9 EUR and 19.90 EUR are equal.
 */
public record Money(BigDecimal amount, Currency currency) {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        int digits = currency.getDefaultFractionDigits();
        if (digits < 0) {
            throw new IllegalArgumentException("Currency " + currency + " has no minor unit and cannot be paid in.");
        }
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("The amount must be positive.");
        }
        BigDecimal exact = amount.stripTrailingZeros();
        if (exact.scale() > Math.min(digits, 2)) {
            throw new IllegalArgumentException("The amount has more decimals than " + currency + " allows.");
        }
        amount = exact.setScale(digits);
    }

    /** Parses an ISO 4217 code such as {@code EUR}. */
    public static Money of(BigDecimal amount, String currencyCode) {
        Objects.requireNonNull(currencyCode, "currency");
        Currency currency;
        try {
            currency = Currency.getInstance(currencyCode);
        }
        catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("Unknown currency: " + currencyCode + ".");
        }
        return new Money(amount, currency);
    }

    /** The amount in the currency's smallest unit, as providers take it: 19.99 EUR is 1999. */
    public long minorUnits() {
        return amount.movePointRight(currency.getDefaultFractionDigits()).longValueExact();
    }

    /** The amount of {@code minorUnits} in the currency's smallest unit: 1999 EUR cents is 19.99 EUR. */
    public static Money ofMinor(long minorUnits, Currency currency) {
        return new Money(BigDecimal.valueOf(minorUnits).movePointLeft(currency.getDefaultFractionDigits()), currency);
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }
}
