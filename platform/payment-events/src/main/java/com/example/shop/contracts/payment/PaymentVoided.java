package com.example.shop.contracts.payment;

import java.time.Instant;
import java.util.UUID;

/** {@value PaymentEvents#PAYMENT_VOIDED}: an authorisation was released without taking any money. */
public record PaymentVoided(UUID paymentId, UUID orderId, Money amount, Instant voidedAt) {
}
