package com.example.shop.catalog.product.web;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import com.example.shop.catalog.product.Money;

/** A price in a request: at most two decimals, not negative, in euros (the only currency the shop sells in). */
record PriceRequest(@NotNull @DecimalMin("0.00") @Digits(integer = 10, fraction = 2) BigDecimal amount,
        @NotNull @Pattern(regexp = "EUR", message = "must be EUR") String currency) {

    Money toMoney() {
        return new Money(amount, currency);
    }
}
