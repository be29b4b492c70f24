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
 */
@Service
public class PaymentCancellations {

    private static final Logger log = LoggerFactory.getLogger(PaymentCancellations.class);

    private final PaymentRepository payments;
    private final PaymentProvider provider;
    private final Clock clock;

    PaymentCancellations(PaymentRepository payments, PaymentProvider provider, Clock clock) {
        this.payments = payments;
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
        if (payment.status() != PaymentStatus.AUTHORIZED) {
            // PENDING or UNAVAILABLE: the provider may hold an intent under our key that we never heard of.
            AuthorizationOutcome outcome = provider.authorize(payment.authorizationRequest());
            payment = payments.recordAttempt(payment.id(), outcome, clock.instant());
            if (payment.status() == PaymentStatus.DECLINED || payment.status() == PaymentStatus.CANCELLED) {
                return new Cancellation(payment.status() == PaymentStatus.DECLINED ? Result.DECLINED : Result.CANCELLED,
                        Optional.of(payment));
            }
            if (payment.status() != PaymentStatus.AUTHORIZED) {
                throw new ProviderUnavailable(orderId);
            }
        }
        PaymentProvider.CancellationOutcome outcome = provider.cancel(payment.providerPaymentId());
        Payment settled = payments.recordCancellation(payment.id(), outcome, clock.instant());
        log.info("Cancelling payment {} of order {}: {} ({})", settled.id(), orderId, settled.status(), outcome);
        if (settled.status() != PaymentStatus.CANCELLED) {
            throw new ProviderUnavailable(orderId);
        }
        return new Cancellation(Result.CANCELLED, Optional.of(settled));
    }

    /** The provider could not be reached; whether it holds money for the order is not known yet. */
    public static final class ProviderUnavailable extends RuntimeException {

        ProviderUnavailable(OrderId orderId) {
            super("The payment provider cannot be reached to cancel the payment of order " + orderId
                    + "; try again later.");
        }
    }
}
