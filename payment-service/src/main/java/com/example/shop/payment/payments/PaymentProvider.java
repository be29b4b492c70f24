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

    /**
     * Asks the provider to cancel an authorised (held) payment, so the funds are free again. Repeating it is
     * harmless; an intent the provider does not know holds nothing and counts as cancelled.
     */
    CancellationOutcome cancel(String providerPaymentId);

    /** What the provider answered to a cancel. */
    sealed interface CancellationOutcome {

        /** The hold is released (or there never was one at the provider). */
        record Cancelled() implements CancellationOutcome {
        }

        /** The provider could not be reached or refused; the hold may still be there. */
        record Unavailable(String reason) implements CancellationOutcome {
        }
    }

    /** One authorisation, keyed by the payment's id. */
    record AuthorizationRequest(PaymentId paymentId, OrderId orderId, Money amount, String paymentToken) {

        public String idempotencyKey() {
            return paymentId.toString();
        }
    }
}
