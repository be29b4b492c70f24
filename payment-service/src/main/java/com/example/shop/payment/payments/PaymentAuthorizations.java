package com.example.shop.payment.payments;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Authorises the payment of an order, once. A final outcome (authorised, declined) is answered again without
 * asking the provider; a payment left pending or unavailable is asked again under its original idempotency
 * key, so a call that timed out but went through at the provider is found rather than charged twice.
 */
@Service
public class PaymentAuthorizations {

    private static final Logger log = LoggerFactory.getLogger(PaymentAuthorizations.class);

    private final PaymentRepository payments;
    private final PaymentOperationRepository operations;
    private final OperationSettlement settlement;
    private final PaymentProvider provider;
    private final Clock clock;

    PaymentAuthorizations(PaymentRepository payments, PaymentOperationRepository operations,
            OperationSettlement settlement, PaymentProvider provider, Clock clock) {
        this.payments = payments;
        this.operations = operations;
        this.settlement = settlement;
        this.provider = provider;
        this.clock = clock;
    }

    /**
     * @throws PaymentDetailsMismatch when the order already has a payment for another amount or token
     */
    public Payment authorize(OrderId orderId, Money amount, String paymentToken) {
        // No transaction spans the provider call: a slow provider must not hold a database connection.
        Payment payment = payments.findOrCreate(Payment.start(orderId, amount, paymentToken, clock.instant()));
        if (!payment.isFor(amount, paymentToken)) {
            throw new PaymentDetailsMismatch(orderId);
        }
        if (payment.status().isFinal()) {
            return payment;
        }
        Payment settled = askProvider(payment);
        log.info("Payment {} of order {}: {}", settled.id(), orderId, settled.status());
        return settled;
    }

    /**
     * Sends the payment's authorisation (again) under its key and records the answer. The AUTHORIZE operation is
     * stored, and its attempt counted, before the request leaves.
     */
    Payment askProvider(Payment payment) {
        PaymentOperation authorize = operations.insertOrGet(PaymentOperation.authorize(payment, clock.instant()));
        operations.reopen(authorize.id(), clock.instant());
        operations.beginAttempt(authorize.id(), clock.instant());
        AuthorizationOutcome outcome = provider.authorize(payment.authorizationRequest());
        return settlement.settleAuthorization(payment.id(), outcome);
    }

    /** The order already has a payment, and it was asked for with another amount or payment token. */
    public static final class PaymentDetailsMismatch extends RuntimeException {

        PaymentDetailsMismatch(OrderId orderId) {
            super("Order " + orderId + " already has a payment with another amount or payment token.");
        }
    }
}
