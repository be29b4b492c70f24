package com.example.shop.contracts.payment;

import java.time.Instant;
import java.util.UUID;

/** {@value PaymentEvents#PAYMENT_CAPTURED}: the held amount was taken; the money is the merchant's. */
public record PaymentCaptured(UUID paymentId, UUID orderId, Money amount, Instant capturedAt) {
}
