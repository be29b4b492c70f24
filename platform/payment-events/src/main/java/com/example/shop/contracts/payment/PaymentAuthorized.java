package com.example.shop.contracts.payment;

import java.time.Instant;
import java.util.UUID;

/** {@value PaymentEvents#PAYMENT_AUTHORIZED}: the provider holds the amount on the customer's card. */
public record PaymentAuthorized(UUID paymentId, UUID orderId, Money amount, Instant authorizedAt) {
}
