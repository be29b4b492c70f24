package com.example.shop.psp.refunds;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

import com.example.shop.psp.intents.PaymentIntent;

/**
 * A refund as Stripe shows it: {@code amount} in the currency's minor unit given back from a captured
 * intent. The simulator settles refunds at once, so {@code status} is always {@code succeeded}.
 * {@code created} is in epoch seconds.
 */
public record Refund(
        String id,
        String object,
        long amount,
        String currency,
        @JsonProperty("payment_intent") String paymentIntent,
        RefundStatus status,
        Map<String, String> metadata,
        long created) {

    public Refund {
        metadata = Map.copyOf(metadata);
    }

    /** Whether {@code metadata.merchant_reference} is the given reference. */
    public boolean hasMerchantReference(String reference) {
        return reference.equals(metadata.get(PaymentIntent.MERCHANT_REFERENCE));
    }
}
