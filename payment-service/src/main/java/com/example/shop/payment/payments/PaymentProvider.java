package com.example.shop.payment.payments;

/**
 * The port to the payment service provider. Implementations must never throw for an unreachable or failing
 * provider: they answer {@link AuthorizationOutcome.Unavailable} instead.
 */
public interface PaymentProvider {

    /**
     * Asks the provider to authorise (hold) the amount. The provider treats every call with the same
     * {@link AuthorizationRequest#idempotencyKey()} as one payment, so repeating a call never charges twice.
     */
    AuthorizationOutcome authorize(AuthorizationRequest request);

    /** One authorisation, keyed by the payment's id. */
    record AuthorizationRequest(PaymentId paymentId, OrderId orderId, Money amount, String paymentToken) {

        public String idempotencyKey() {
            return paymentId.toString();
        }
    }
}
