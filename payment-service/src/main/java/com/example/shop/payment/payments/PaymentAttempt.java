package com.example.shop.payment.payments;

import java.time.Instant;

/**
 * One call to the provider and its answer. {@code detail} is the provider's payment id, the decline code or
 * why the provider was unavailable.
 */
public record PaymentAttempt(int attemptNo, PaymentStatus outcome, String detail, Instant at) {
}
