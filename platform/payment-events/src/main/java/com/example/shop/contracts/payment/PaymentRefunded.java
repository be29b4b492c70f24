package com.example.shop.contracts.payment;

import java.time.Instant;
import java.util.UUID;

/**
 * {@value PaymentEvents#PAYMENT_REFUNDED}: captured money was paid back, in full or in part.
 *
 * @param refundId the caller's id of this refund (order-service uses the return id)
 * @param amount what this refund paid back
 * @param totalRefunded everything refunded on the payment so far, this refund included
 */
public record PaymentRefunded(UUID paymentId, UUID orderId, UUID refundId, Money amount, Money totalRefunded,
        Instant refundedAt) {
}
