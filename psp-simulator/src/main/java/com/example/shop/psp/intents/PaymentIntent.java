package com.example.shop.psp.intents;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A payment intent as Stripe shows it, reduced to the fields the shop uses. Amounts are integers in the
 * currency's minor unit: {@code amount} authorised, {@code amount_received} captured (0 until then),
 * {@code amount_refunded} given back so far. {@code created} is in epoch seconds.
 */
public record PaymentIntent(
        String id,
        String object,
        long amount,
        @JsonProperty("amount_received") long amountReceived,
        @JsonProperty("amount_refunded") long amountRefunded,
        String currency,
        PaymentIntentStatus status,
        @JsonProperty("capture_method") CaptureMethod captureMethod,
        @JsonProperty("payment_method") String paymentMethod,
        Map<String, String> metadata,
        long created) {

    /** The metadata key a merchant puts its own reference under, so it can find the intent again. */
    public static final String MERCHANT_REFERENCE = "merchant_reference";

    public PaymentIntent {
        metadata = Map.copyOf(metadata);
    }

    /** The same intent, cancelled. */
    PaymentIntent canceled() {
        return new PaymentIntent(id, object, amount, amountReceived, amountRefunded, currency,
                PaymentIntentStatus.CANCELED, captureMethod, paymentMethod, metadata, created);
    }

    /** The same intent, with {@code received} of its amount captured. */
    PaymentIntent captured(long received) {
        return new PaymentIntent(id, object, amount, received, amountRefunded, currency,
                PaymentIntentStatus.SUCCEEDED, captureMethod, paymentMethod, metadata, created);
    }

    /** The same intent with {@code refunded} more given back. */
    PaymentIntent refunded(long refunded) {
        return new PaymentIntent(id, object, amount, amountReceived, amountRefunded + refunded, currency, status,
                captureMethod, paymentMethod, metadata, created);
    }

    /** What can still be refunded: captured minus refunded. */
    public long refundable() {
        return amountReceived - amountRefunded;
    }

    /** Whether {@code metadata.merchant_reference} is the given reference. */
    public boolean hasMerchantReference(String reference) {
        return reference.equals(metadata.get(MERCHANT_REFERENCE));
    }
}
