package com.example.shop.order.ordering;

/** What payment-service answered to a payment authorisation. */
public sealed interface PaymentOutcome {

    record Authorized(String paymentId) implements PaymentOutcome {
    }

    record Declined(String declineCode) implements PaymentOutcome {
    }

    /**
     * The payment provider could not be reached; payment-service has given up for this request. Not final:
     * the provider may have authorised the payment after all, so it is asked again (or cancelled).
     */
    record Unavailable() implements PaymentOutcome {
    }
}
