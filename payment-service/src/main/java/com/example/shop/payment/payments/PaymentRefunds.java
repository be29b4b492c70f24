package com.example.shop.payment.payments;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Pays captured money back, in full or in part, once per caller's refund id: the refund's operation (and so its
 * provider idempotency key) is found by that id, so asking again answers the first outcome, and a refund whose
 * answer never came is sent again under the same key. Refunds never add up to more than was captured; one that
 * would is refused before anything is sent.
 */
@Service
public class PaymentRefunds {

    private static final Logger log = LoggerFactory.getLogger(PaymentRefunds.class);

    private final PaymentRepository payments;
    private final PaymentOperationRepository operations;
    private final OperationSettlement settlement;
    private final PaymentProvider provider;
    private final Clock clock;

    PaymentRefunds(PaymentRepository payments, PaymentOperationRepository operations, OperationSettlement settlement,
            PaymentProvider provider, Clock clock) {
        this.payments = payments;
        this.operations = operations;
        this.settlement = settlement;
        this.provider = provider;
        this.clock = clock;
    }

    /** A settled refund, the payment after it and everything refunded on the payment so far. */
    public record Refund(Payment payment, PaymentOperation operation, BigDecimal totalRefunded) {
    }

    /**
     * @throws NotCaptured when the order's payment is not captured (or there is none)
     * @throws RefundRejected when the refund cannot be made (see {@link OperationSettlement#openRefund})
     * @throws RefundRefused when the provider refused it
     * @throws ProviderOutcomeUnknown while the provider's answer is unknown
     */
    public Refund refund(OrderId orderId, UUID refundId, Money amount, String reason) {
        Payment payment = payments.findByOrderId(orderId).orElseThrow(() -> new NotCaptured(orderId, null));
        PaymentOperation refund = settlement.openRefund(payment.id(), refundId, amount, reason);
        if (refund.status().isOpen()) {
            operations.beginAttempt(refund.id(), clock.instant());
            OperationOutcome outcome = provider.refund(new PaymentProvider.RefundRequest(payment.providerPaymentId(),
                    refund.amount(), refund.idempotencyKey(), refund.merchantReference()));
            log.info("Refund {} ({}) of order {}: {}", refundId, refund.amount(), orderId, outcome);
            refund = settlement.settle(refund.id(), outcome).operation();
        }
        return switch (refund.status()) {
            case SUCCEEDED -> new Refund(payments.findById(payment.id()).orElseThrow(), refund,
                    operations.sum(payment.id(), OperationKind.REFUND, List.of(OperationStatus.SUCCEEDED)));
            case FAILED -> throw new RefundRefused(refund);
            case PENDING, UNKNOWN -> throw new ProviderOutcomeUnknown(refund);
        };
    }

    /** The payment has taken no money that could be paid back. */
    public static final class NotCaptured extends RuntimeException {

        NotCaptured(OrderId orderId, PaymentStatus status) {
            super(status == null ? "Order " + orderId + " has no payment."
                    : "The payment of order " + orderId + " is " + status + ", not captured.");
        }
    }

    /** The refund cannot be made as asked; nothing was sent to the provider. */
    public static final class RefundRejected extends RuntimeException {

        RefundRejected(String message) {
            super(message);
        }
    }

    /** The provider refused the refund (e.g. {@code amount_too_large}); no money was paid back. */
    public static final class RefundRefused extends RuntimeException {

        RefundRefused(PaymentOperation refund) {
            super("The payment provider refused refund " + refund.refundId() + ": " + refund.error() + ".");
        }
    }
}
