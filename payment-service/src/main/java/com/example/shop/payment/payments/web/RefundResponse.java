package com.example.shop.payment.payments.web;

import java.util.UUID;

import com.example.shop.payment.payments.PaymentRefunds;

/** The answer of {@code POST /internal/payments/{orderId}/refunds}. */
record RefundResponse(UUID orderId, UUID paymentId, UUID refundId, String status, AmountJson amount,
        AmountJson totalRefunded) {

    static RefundResponse of(PaymentRefunds.Refund refund) {
        var money = refund.operation().amount();
        return new RefundResponse(refund.payment().orderId().value(), refund.payment().id().value(),
                refund.operation().refundId(), "REFUNDED", AmountJson.of(money),
                AmountJson.of(refund.totalRefunded(), money.currency()));
    }
}
