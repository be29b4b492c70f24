package com.example.shop.payment.payments.web;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** {@code POST /internal/payments}: {@code {"orderId","amount":{"amount":"19.99","currency":"EUR"},"paymentToken"}}. */
record AuthorizePaymentRequest(
        @NotNull UUID orderId,
        @NotNull @Valid Amount amount,
        @NotBlank @Size(max = 255) String paymentToken) {

    /** An amount as a decimal (string or number) with at most two decimals, and an ISO 4217 code. */
    record Amount(
            @NotNull @Positive @Digits(integer = 10, fraction = 2) BigDecimal amount,
            @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency) {
    }
}
