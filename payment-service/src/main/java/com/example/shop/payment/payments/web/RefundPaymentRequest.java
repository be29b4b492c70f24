package com.example.shop.payment.payments.web;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code POST /internal/payments/{orderId}/refunds}: {@code {"refundId","amount":{"amount","currency"},"reason"}}. */
record RefundPaymentRequest(
        @NotNull UUID refundId,
        @NotNull @Valid AuthorizePaymentRequest.Amount amount,
        @Size(max = 500) String reason) {
}
