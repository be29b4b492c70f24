package com.example.shop.payment.payments;

import java.time.Clock;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Makes sure the payment of an order an order-service gave up on holds no money. Asked when an order could
 * not be paid in time (the provider kept being unavailable): a payment that went through at the provider
 * after all must not stay authorised for an order that is rejected.
 *
 * <p>The provider is asked again with the payment's own idempotency key, so an intent created by an earlier,
 * timed-out call is found (never a new one created for nothing but a replay); if there is an intent, it is
 * cancelled. Idempotent: asking again answers the same final state without calling the provider.
 *
 * <p>The same call voids the authorised payment of an order cancelled before shipment: the release is a VOID
 * operation (one per payment, stored before the provider is called) and {@code payment.voided.v1} is published
 * when it succeeds. A captured payment cannot be voided.
 */
@Service
public class PaymentCancellations {

    private static final Logger log = LoggerFactory.getLogger(PaymentCancellations.class);

    private final PaymentRepository payments;
    private final PaymentOperationRepository operations;
    private final OperationSettlement settlement;
    private final PaymentProvider provider;
    private final Clock clock;

    PaymentCancellations(PaymentRepository payments, PaymentOperationRepository operations,
            OperationSettlement settlement, PaymentProvider provider, Clock clock) {
        this.payments = payments;
        this.operations = operations;
        this.settlement = settlement;
        this.provider = provider;
        this.clock = clock;
    }

    /** Where a cancelled payment ended; each means that no money is held for the order. */
    public enum Result {
        /** The provider released the hold of an authorised payment (or had none). */
        CANCELLED,
        /** The provider declined the payment, so nothing was ever held. */
        DECLINED,
        /** The order never had a payment here. */
        NONE
    }

    /** The result and the payment, if there is one. */
    public record Cancellation(Result result, Optional<Payment> payment) {
    }

    /**
     * @throws ProviderUnavailable when the provider cannot say now whether it holds money for the order; the
     *     caller asks again later
     * @throws AlreadyCaptured when the payment was captured (or a capture is under way): that is a refund
     */
    public Cancellation cancel(OrderId orderId) {
        Optional<Payment> found = payments.findByOrderId(orderId);
        if (found.isEmpty()) {
            return new Cancellation(Result.NONE, found);
        }
        Payment payment = found.get();
        if (payment.status() == PaymentStatus.DECLINED) {
            return new Cancellation(Result.DECLINED, found);
        }
        if (payment.status() == PaymentStatus.CANCELLED) {
            return new Cancellation(Result.CANCELLED, found);
        }
        if (payment.status().isCaptured()) {
            throw new AlreadyCaptured(orderId);
        }
        if (payment.status() != PaymentStatus.AUTHORIZED) {
            // PENDING or UNAVAILABLE: the provider may hold an intent under our key that we never heard of.
            PaymentOperation authorize = operations.insertOrGet(PaymentOperation.authorize(payment, clock.instant()));
            operations.beginAttempt(authorize.id(), clock.instant());
            payment = settlement.settleAuthorization(payment.id(), provider.authorize(payment.authorizationRequest()));
            if (payment.status() == PaymentStatus.DECLINED || payment.status() == PaymentStatus.CANCELLED) {
                return new Cancellation(payment.status() == PaymentStatus.DECLINED ? Result.DECLINED : Result.CANCELLED,
                        Optional.of(payment));
            }
            if (payment.status() != PaymentStatus.AUTHORIZED) {
                throw new ProviderUnavailable(orderId);
            }
        }
        PaymentOperation voidOperation = settlement.openVoid(payment.id());
        if (voidOperation.status().isOpen()) {
            operations.beginAttempt(voidOperation.id(), clock.instant());
            PaymentProvider.CancellationOutcome outcome = provider.cancel(payment.providerPaymentId(),
                    voidOperation.idempotencyKey());
            voidOperation = settlement.settleVoid(voidOperation.id(), outcome);
            log.info("Cancelling payment {} of order {}: {} ({})", payment.id(), orderId, voidOperation.status(), outcome);
        }
        if (voidOperation.status() != OperationStatus.SUCCEEDED) {
            throw new ProviderUnavailable(orderId);
        }
        return new Cancellation(Result.CANCELLED, payments.findById(payment.id()));
    }

    /** The payment was captured, or a capture is under way: there is no hold left to release. */
    public static final class AlreadyCaptured extends RuntimeException {

        AlreadyCaptured(OrderId orderId) {
            super("The payment of order " + orderId + " is captured; it can only be refunded.");
        }
    }

    /** The provider could not be reached; whether it holds money for the order is not known yet. */
    public static final class ProviderUnavailable extends RuntimeException {

        ProviderUnavailable(OrderId orderId) {
            super("The payment provider cannot be reached to cancel the payment of order " + orderId
                    + "; try again later.");
        }
    }
}
