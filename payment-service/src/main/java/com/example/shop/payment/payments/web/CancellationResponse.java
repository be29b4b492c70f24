package com.example.shop.payment.payments.web;

import java.util.UUID;

import com.example.shop.payment.payments.PaymentCancellations;

/**
 * The answer of {@code POST /internal/payments/{orderId}/cancel}: a final state in which no money is held for
 * the order. {@code paymentId} is null when the status is NONE.
 */
record CancellationResponse(UUID orderId, UUID paymentId, PaymentCancellations.Result status) {

    static CancellationResponse of(UUID orderId, PaymentCancellations.Cancellation cancellation) {
        return new CancellationResponse(orderId,
                cancellation.payment().map(payment -> payment.id().value()).orElse(null), cancellation.result());
    }
}
