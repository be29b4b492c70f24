package com.example.shop.payment.payments;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One operation at the provider on a payment, stored before the provider is called so that no request is ever
 * sent that the database does not know of. Every request for it carries {@code idempotencyKey}, so the provider
 * applies it at most once however often it is sent.
 *
 * @param refundId          the caller's id of a REFUND, null for other kinds
 * @param providerReference the provider's id of what the operation touched or made (intent id, refund id)
 * @param attempts          requests sent for it so far (each after the adapter's own retries)
 * @param error             the provider's refusal code, or why its answer is unknown
 */
public record PaymentOperation(
        OperationId id,
        PaymentId paymentId,
        OperationKind kind,
        Money amount,
        String idempotencyKey,
        UUID refundId,
        String reason,
        OperationStatus status,
        String providerReference,
        int attempts,
        String error,
        Instant createdAt,
        Instant updatedAt,
        Instant settledAt) {

    public PaymentOperation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(status, "status");
    }

    /** The authorisation of a payment; its key is the payment id, as it has always been. */
    static PaymentOperation authorize(Payment payment, Instant now) {
        return start(OperationId.random(), payment, OperationKind.AUTHORIZE, payment.amount(), payment.id().toString(),
                null, null, now);
    }

    /** The capture of the whole authorised amount. */
    static PaymentOperation capture(Payment payment, Instant now) {
        OperationId id = OperationId.random();
        return start(id, payment, OperationKind.CAPTURE, payment.amount(), id.toString(), null, null, now);
    }

    /** The release of the payment's hold. */
    static PaymentOperation voidOf(Payment payment, Instant now) {
        OperationId id = OperationId.random();
        return start(id, payment, OperationKind.VOID, payment.amount(), id.toString(), null, null, now);
    }

    /** A refund the caller knows as {@code refundId}; the key is the operation's id, one per refund id. */
    static PaymentOperation refund(Payment payment, UUID refundId, Money amount, String reason, Instant now) {
        OperationId id = OperationId.random();
        return start(id, payment, OperationKind.REFUND, amount, id.toString(), refundId, reason, now);
    }

    private static PaymentOperation start(OperationId id, Payment payment, OperationKind kind, Money amount,
            String key, UUID refundId, String reason, Instant now) {
        return new PaymentOperation(id, payment.id(), kind, amount, key, refundId, reason, OperationStatus.PENDING,
                null, 0, null, now, now, null);
    }

    /** What the provider knows this operation by when asked for it later: its key (see the adapter). */
    public String merchantReference() {
        return idempotencyKey;
    }
}
