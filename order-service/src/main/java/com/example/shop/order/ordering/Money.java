package com.example.shop.order.ordering;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An amount in one currency, always with two decimals so that what is stored, shown and published agree.
 */
public record Money(BigDecimal amount, String currency) {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        if (!currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code: " + currency);
        }
        amount = amount.setScale(2, RoundingMode.HALF_EVEN);
    }

    public static Money of(String amount, String currency) {
        return new Money(new BigDecimal(amount), currency);
    }

    public Money times(int factor) {
        return new Money(amount.multiply(BigDecimal.valueOf(factor)), currency);
    }

    /** Subtracts an amount of the same currency (the caller keeps the result from going below zero). */
    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    /** The smaller of two amounts of the same currency. */
    public Money min(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount) <= 0 ? this : other;
    }

    /**
     * This amount's share {@code part / whole}, rounded half-even to the cent; zero when {@code whole} is zero.
     */
    public Money share(Money part, Money whole) {
        requireSameCurrency(part);
        requireSameCurrency(whole);
        if (whole.amount.signum() == 0) {
            return new Money(BigDecimal.ZERO, currency);
        }
        return new Money(amount.multiply(part.amount).divide(whole.amount, 2, RoundingMode.HALF_EVEN), currency);
    }

    public static Money zero(String currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot combine " + other.currency + " with " + currency);
        }
    }

    /** Adds amounts of the same currency; an order never mixes currencies. */
    public Money plus(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot add " + other.currency + " to " + currency);
        }
        return new Money(amount.add(other.amount), currency);
    }
}
