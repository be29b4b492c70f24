package com.example.shop.carrier.rates;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonFormat;

/** An amount (a decimal string on the wire, as EasyPost answers rates) and an ISO 4217 currency. */
public record Price(@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, String currency) {
}
