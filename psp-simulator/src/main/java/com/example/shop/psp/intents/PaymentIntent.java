package com.example.shop.psp.intents;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A payment intent as Stripe shows it, reduced to the fields the shop uses. Amounts are integers in the
 * currency's minor unit; {@code created} is in epoch seconds.
 */
public record PaymentIntent(
        String id,
        String object,
        long amount,
        String currency,
        PaymentIntentStatus status,
        @JsonProperty("capture_method") CaptureMethod captureMethod,
        @JsonProperty("payment_method") String paymentMethod,
        Map<String, String> metadata,
        long created) {

    public PaymentIntent {
        metadata = Map.copyOf(metadata);
    }

    /** The same intent with another status. */
    public PaymentIntent withStatus(PaymentIntentStatus newStatus) {
        return new PaymentIntent(id, object, amount, currency, newStatus, captureMethod, paymentMethod, metadata,
                created);
    }
}
