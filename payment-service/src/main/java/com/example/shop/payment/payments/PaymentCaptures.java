package com.example.shop.payment.payments;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Takes the whole authorised amount of an order's payment, once. The payment has one CAPTURE operation, ever
 * (a unique index), so concurrent or repeated captures share one provider idempotency key and the provider
 * applies it once; a capture already settled is answered without calling the provider.
 */
@Service
public class PaymentCaptures {

    private static final Logger log = LoggerFactory.getLogger(PaymentCaptures.class);

    private final PaymentRepository payments;
    private final PaymentOperationRepository operations;
    private final OperationSettlement settlement;
    private final PaymentProvider provider;
    private final Clock clock;

    PaymentCaptures(PaymentRepository payments, PaymentOperationRepository operations, OperationSettlement settlement,
            PaymentProvider provider, Clock clock) {
        this.payments = payments;
        this.operations = operations;
        this.settlement = settlement;
        this.provider = provider;
        this.clock = clock;
    }

    /**
     * @throws NothingToCapture when the order has no authorised payment, or the provider refused the capture
     * @throws ProviderOutcomeUnknown while the provider's answer is unknown
     */
    public OperationSettlement.Settled capture(OrderId orderId) {
        Payment payment = payments.findByOrderId(orderId).orElseThrow(() -> new NothingToCapture(orderId, "no payment"));
        PaymentOperation capture = settlement.openCapture(payment.id());
        if (capture.status().isOpen()) {
            operations.beginAttempt(capture.id(), clock.instant());
            OperationOutcome outcome = provider.capture(payment.providerPaymentId(), capture.amount(),
                    capture.idempotencyKey());
            log.info("Capture {} of order {}: {}", capture.id(), orderId, outcome);
            capture = settlement.settle(capture.id(), outcome).operation();
        }
        return switch (capture.status()) {
            case SUCCEEDED -> new OperationSettlement.Settled(payments.findById(payment.id()).orElseThrow(), capture);
            case FAILED -> throw new NothingToCapture(orderId, "the provider refused the capture (" + capture.error() + ")");
            case PENDING, UNKNOWN -> throw new ProviderOutcomeUnknown(capture);
        };
    }

    /** The order has nothing that can be captured. */
    public static final class NothingToCapture extends RuntimeException {

        NothingToCapture(OrderId orderId, String why) {
            super("Order " + orderId + " has nothing to capture: " + why + ".");
        }
    }
}
