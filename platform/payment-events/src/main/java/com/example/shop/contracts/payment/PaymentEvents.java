package com.example.shop.contracts.payment;

/**
 * The published contract of payment-service: one topic keyed by order id (one payment per order, so an
 * order's money movements stay in order on one partition), and the stable wire type of each event.
 * Consumers switch on the type and ignore types they do not know.
 */
public final class PaymentEvents {

    /** Topic of all payment events; the Kafka key is the order id. */
    public static final String TOPIC = "payment-events";

    public static final String PAYMENT_AUTHORIZED = "payment.authorized.v1";
    public static final String PAYMENT_CAPTURED = "payment.captured.v1";
    public static final String PAYMENT_VOIDED = "payment.voided.v1";
    public static final String PAYMENT_REFUNDED = "payment.refunded.v1";

    private PaymentEvents() {
    }
}
