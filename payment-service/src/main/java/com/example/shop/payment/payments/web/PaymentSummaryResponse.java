package com.example.shop.payment.payments.web;

import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import com.example.shop.payment.payments.OperationKind;
import com.example.shop.payment.payments.OperationStatus;
import com.example.shop.payment.payments.PaymentOperation;
import com.example.shop.payment.payments.PaymentStatus;
import com.example.shop.payment.payments.PaymentSummary;

/**
 * {@code GET /internal/payments/{orderId}} and {@code GET /api/admin/payments/{orderId}}: the payment, what its
 * operations moved, and the operations, oldest first.
 */
record PaymentSummaryResponse(UUID paymentId, UUID orderId, PaymentStatus status, AmountJson amount,
        AmountJson authorized, AmountJson captured, AmountJson refunded, Instant createdAt, Instant updatedAt,
        List<Operation> operations) {

    /** One provider operation; {@code refundId} only for refunds, {@code error} the refusal or why it is unknown. */
    record Operation(UUID id, OperationKind kind, AmountJson amount, OperationStatus status, String providerReference,
            UUID refundId, int attempts, String error, Instant createdAt, Instant settledAt) {

        static Operation of(PaymentOperation operation) {
            return new Operation(operation.id().value(), operation.kind(), AmountJson.of(operation.amount()),
                    operation.status(), operation.providerReference(), operation.refundId(), operation.attempts(),
                    operation.error(), operation.createdAt(), operation.settledAt());
        }
    }

    static PaymentSummaryResponse of(PaymentSummary summary) {
        var payment = summary.payment();
        Currency currency = payment.amount().currency();
        return new PaymentSummaryResponse(payment.id().value(), payment.orderId().value(), payment.status(),
                AmountJson.of(payment.amount()), AmountJson.of(summary.authorized(), currency),
                AmountJson.of(summary.captured(), currency), AmountJson.of(summary.refunded(), currency),
                payment.createdAt(), payment.updatedAt(),
                summary.operations().stream().map(Operation::of).toList());
    }
}
