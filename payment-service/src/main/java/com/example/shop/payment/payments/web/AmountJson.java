package com.example.shop.payment.payments.web;

import java.math.BigDecimal;
import java.util.Currency;

import com.example.shop.payment.payments.Money;

/** An amount in an answer: a decimal string at the currency's scale and an ISO 4217 code. */
record AmountJson(String amount, String currency) {

    static AmountJson of(Money money) {
        return of(money.amount(), money.currency());
    }

    static AmountJson of(BigDecimal amount, Currency currency) {
        return new AmountJson(amount.setScale(currency.getDefaultFractionDigits()).toPlainString(),
                currency.getCurrencyCode());
    }
}
