package com.example.shop.payment.payments.web;

import java.util.UUID;

import com.example.shop.payment.payments.Payment;
import com.example.shop.payment.payments.PaymentStatus;

/** The answer of {@code POST /internal/payments}. {@code declineCode} is set only when DECLINED. */
record PaymentResponse(UUID paymentId, UUID orderId, Status status, String declineCode) {

    /** The statuses the contract knows; a payment is never answered while PENDING. */
    enum Status {
        AUTHORIZED, DECLINED, UNAVAILABLE
    }

    static PaymentResponse of(Payment payment) {
        Status status = switch (payment.status()) {
            // captured and refunded payments were authorised: that is the answer to an authorisation asked again
            case AUTHORIZED, CAPTURED, PARTIALLY_REFUNDED, REFUNDED -> Status.AUTHORIZED;
            // The contract knows no CANCELLED: to an order asking again, a cancelled payment is a refusal.
            case DECLINED, CANCELLED -> Status.DECLINED;
            // PENDING cannot be returned by an authorisation; if it ever were, the caller should retry.
            case UNAVAILABLE, PENDING -> Status.UNAVAILABLE;
        };
        String declineCode = payment.status() == PaymentStatus.CANCELLED ? "cancelled" : payment.declineCode();
        return new PaymentResponse(payment.id().value(), payment.orderId().value(), status, declineCode);
    }
}
