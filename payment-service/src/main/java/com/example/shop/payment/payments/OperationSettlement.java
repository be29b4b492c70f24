package com.example.shop.payment.payments;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.example.shop.contracts.payment.PaymentEvents;
import com.example.shop.platform.messaging.Outbox;

/**
 * Opens operations and applies what the provider said about them. Opening checks the payment's state and stores
 * the operation under the payment's row lock, so a capture and a void, or two refunds, never both pass their
 * checks. Settling applies what the provider said about an operation to the operation, its payment and the outbox, in one
 * transaction under the payment's row lock, whoever learnt it (the request thread or the reconciliation job).
 * An operation settles once, so its event is published once. A success is never lost: it wins over an
 * earlier UNKNOWN or FAILED, because the provider's money movement is the truth.
 */
@Service
public class OperationSettlement {

    private static final Logger log = LoggerFactory.getLogger(OperationSettlement.class);

    private final PaymentRepository payments;
    private final PaymentOperationRepository operations;
    private final Outbox outbox;
    private final Clock clock;

    OperationSettlement(PaymentRepository payments, PaymentOperationRepository operations, Outbox outbox, Clock clock) {
        this.payments = payments;
        this.operations = operations;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** A payment and one of its operations, as they stand after a settlement. */
    public record Settled(Payment payment, PaymentOperation operation) {
    }

    /**
     * The payment's capture, stored if it has none yet.
     *
     * @throws PaymentCaptures.NothingToCapture when the payment is not AUTHORIZED or is being voided
     */
    @Transactional
    public PaymentOperation openCapture(PaymentId paymentId) {
        Payment payment = payments.lock(paymentId);
        var existing = operations.findOne(paymentId, OperationKind.CAPTURE);
        if (existing.isPresent()) {
            return existing.get();
        }
        if (payment.status() != PaymentStatus.AUTHORIZED) {
            throw new PaymentCaptures.NothingToCapture(payment.orderId(), "the payment is " + payment.status());
        }
        if (operations.findOne(paymentId, OperationKind.VOID).filter(v -> v.status() != OperationStatus.FAILED).isPresent()) {
            throw new PaymentCaptures.NothingToCapture(payment.orderId(), "the payment is being cancelled");
        }
        return operations.insertOrGet(PaymentOperation.capture(payment, clock.instant()));
    }

    /**
     * The payment's void, stored if it has none yet; a void the provider refused before is asked again.
     *
     * @throws PaymentCancellations.AlreadyCaptured when the payment has a capture that did not fail
     */
    @Transactional
    public PaymentOperation openVoid(PaymentId paymentId) {
        Payment payment = payments.lock(paymentId);
        if (payment.status().isCaptured() || operations.findOne(paymentId, OperationKind.CAPTURE)
                .filter(c -> c.status() != OperationStatus.FAILED).isPresent()) {
            throw new PaymentCancellations.AlreadyCaptured(payment.orderId());
        }
        PaymentOperation operation = operations.insertOrGet(PaymentOperation.voidOf(payment, clock.instant()));
        if (operation.status() == OperationStatus.FAILED) {
            operations.reopen(operation.id(), clock.instant());
            return operations.find(operation.id()).orElseThrow();
        }
        return operation;
    }

    /**
     * The refund the caller knows as {@code refundId}, stored if it is new. The refunds that did not fail,
     * this one included, never add up to more than what was captured.
     *
     * @throws PaymentRefunds.NotCaptured when the payment is not captured
     * @throws PaymentRefunds.RefundRejected when the refund id was used for another amount, the currency is not
     *     the payment's, or the refunds would add up to more than was captured
     */
    @Transactional
    public PaymentOperation openRefund(PaymentId paymentId, java.util.UUID refundId, Money amount, String reason) {
        Payment payment = payments.lock(paymentId);
        var existing = operations.findRefund(paymentId, refundId);
        if (existing.isPresent()) {
            if (!existing.get().amount().equals(amount)) {
                throw new PaymentRefunds.RefundRejected("Refund " + refundId + " was asked for with "
                        + existing.get().amount() + ", not " + amount + ".");
            }
            return existing.get();
        }
        if (!payment.status().isCaptured()) {
            throw new PaymentRefunds.NotCaptured(payment.orderId(), payment.status());
        }
        if (!amount.currency().equals(payment.amount().currency())) {
            throw new PaymentRefunds.RefundRejected("The payment is in " + payment.amount().currency() + ", not "
                    + amount.currency() + ".");
        }
        BigDecimal captured = operations.sum(paymentId, OperationKind.CAPTURE, List.of(OperationStatus.SUCCEEDED));
        BigDecimal refunding = operations.sum(paymentId, OperationKind.REFUND,
                List.of(OperationStatus.PENDING, OperationStatus.UNKNOWN, OperationStatus.SUCCEEDED));
        if (refunding.add(amount.amount()).compareTo(captured) > 0) {
            throw new PaymentRefunds.RefundRejected("Refunding " + amount + " would make the refunds exceed the "
                    + captured.toPlainString() + " captured (" + refunding.toPlainString() + " refunded or being refunded).");
        }
        return operations.insertOrGet(PaymentOperation.refund(payment, refundId, amount, reason, clock.instant()));
    }

    /**
     * Records an authorisation answer: the payment's attempt and status as before, its AUTHORIZE operation to
     * match, and {@code payment.authorized.v1} when the payment becomes AUTHORIZED.
     */
    @Transactional
    public Payment settleAuthorization(PaymentId paymentId, AuthorizationOutcome outcome) {
        Instant now = clock.instant();
        Payment before = payments.lock(paymentId);
        Payment after = payments.recordAttempt(paymentId, outcome, now);
        PaymentOperation authorize = operations.insertOrGet(PaymentOperation.authorize(after, now));
        if (authorize.status() != OperationStatus.SUCCEEDED) {
            switch (outcome) {
                case AuthorizationOutcome.Authorized authorized ->
                        operations.markSucceeded(authorize.id(), authorized.providerPaymentId(), now);
                case AuthorizationOutcome.Declined declined -> {
                    if (after.status() == PaymentStatus.DECLINED) {
                        operations.markFailed(authorize.id(), declined.code(), now);
                    }
                }
                case AuthorizationOutcome.Unavailable unavailable ->
                        operations.markUnknown(authorize.id(), unavailable.reason(), now);
            }
        }
        if (before.status() != PaymentStatus.AUTHORIZED && after.status() == PaymentStatus.AUTHORIZED) {
            publish(after, PaymentEvents.PAYMENT_AUTHORIZED, PaymentEventsTranslator.authorized(after, now));
        }
        return after;
    }

    /**
     * Records what the provider said about a capture, void or refund. Idempotent: an operation already
     * SUCCEEDED stays so and publishes nothing again.
     */
    @Transactional
    public Settled settle(OperationId id, OperationOutcome outcome) {
        Instant now = clock.instant();
        PaymentOperation operation = operations.find(id).orElseThrow();
        Payment payment = payments.lock(operation.paymentId());
        operation = operations.lock(id);
        if (operation.status() == OperationStatus.SUCCEEDED) {
            return new Settled(payment, operation);
        }
        switch (outcome) {
            case OperationOutcome.Unknown unknown -> {
                if (operation.status().isOpen()) {
                    operations.markUnknown(id, unknown.reason(), now);
                }
            }
            case OperationOutcome.Failed failed -> operations.markFailed(id, failed.code(), now);
            case OperationOutcome.Succeeded succeeded -> {
                if (operation.status() == OperationStatus.FAILED) {
                    log.warn("Operation {} ({}) was taken for failed but the provider shows it done", id,
                            operation.kind());
                }
                operations.markSucceeded(id, succeeded.providerReference(), now);
                payment = applySuccess(payment, operation, now);
            }
        }
        return new Settled(payment, operations.find(id).orElseThrow());
    }

    /**
     * Records a cancel at the provider: as an attempt of the payment (as before operations existed) and as the
     * outcome of its VOID operation, in one transaction.
     */
    @Transactional
    public PaymentOperation settleVoid(OperationId id, PaymentProvider.CancellationOutcome outcome) {
        PaymentOperation operation = operations.find(id).orElseThrow();
        Payment payment = payments.recordCancellation(operation.paymentId(), outcome, clock.instant());
        OperationOutcome result = switch (outcome) {
            case PaymentProvider.CancellationOutcome.Cancelled cancelled -> new OperationOutcome.Succeeded(
                    payment.providerPaymentId() == null ? "none" : payment.providerPaymentId());
            case PaymentProvider.CancellationOutcome.Refused refused -> new OperationOutcome.Failed(refused.code());
            case PaymentProvider.CancellationOutcome.Unavailable unavailable ->
                    new OperationOutcome.Unknown(unavailable.reason());
        };
        return settle(id, result).operation();
    }

    private Payment applySuccess(Payment payment, PaymentOperation operation, Instant now) {
        PaymentStatus status = switch (operation.kind()) {
            case AUTHORIZE -> payment.status().isFinal() ? payment.status() : PaymentStatus.AUTHORIZED;
            case CAPTURE -> {
                if (payment.status() != PaymentStatus.AUTHORIZED) {
                    log.error("Payment {} was {} when the provider confirmed its capture", payment.id(), payment.status());
                }
                yield payment.status().isCaptured() ? payment.status() : PaymentStatus.CAPTURED;
            }
            case VOID -> payment.status().isCaptured() ? payment.status() : PaymentStatus.CANCELLED;
            case REFUND -> refundedStatus(payment);
        };
        Payment updated = payment.withStatus(status, now);
        payments.updateStatus(payment.id(), status, now);
        switch (operation.kind()) {
            case AUTHORIZE -> {
                if (status == PaymentStatus.AUTHORIZED && payment.status() != PaymentStatus.AUTHORIZED) {
                    publish(updated, PaymentEvents.PAYMENT_AUTHORIZED, PaymentEventsTranslator.authorized(updated, now));
                }
            }
            case CAPTURE -> publish(updated, PaymentEvents.PAYMENT_CAPTURED,
                    PaymentEventsTranslator.captured(updated, operation, now));
            case VOID -> publish(updated, PaymentEvents.PAYMENT_VOIDED, PaymentEventsTranslator.voided(updated, now));
            case REFUND -> publish(updated, PaymentEvents.PAYMENT_REFUNDED, PaymentEventsTranslator.refunded(updated,
                    operation, refunded(payment.id()), now));
        }
        return updated;
    }

    private PaymentStatus refundedStatus(Payment payment) {
        BigDecimal captured = operations.sum(payment.id(), OperationKind.CAPTURE, List.of(OperationStatus.SUCCEEDED));
        return refunded(payment.id()).compareTo(captured) >= 0 ? PaymentStatus.REFUNDED : PaymentStatus.PARTIALLY_REFUNDED;
    }

    private BigDecimal refunded(PaymentId paymentId) {
        return operations.sum(paymentId, OperationKind.REFUND, List.of(OperationStatus.SUCCEEDED));
    }

    private void publish(Payment payment, String type, Object event) {
        outbox.publish(PaymentEvents.TOPIC, payment.orderId().toString(), type, event);
    }
}
