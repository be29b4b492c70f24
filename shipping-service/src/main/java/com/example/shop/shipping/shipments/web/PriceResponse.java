package com.example.shop.shipping.shipments.web;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonFormat;

import com.example.shop.shipping.shipments.Money;

/** A price on the wire: the amount as a decimal string ({@code "4.95"}), as in the shop's events, and the currency. */
record PriceResponse(@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, String currency) {

    static PriceResponse of(Money money) {
        return money == null ? null : new PriceResponse(money.amount(), money.currency());
    }
}
