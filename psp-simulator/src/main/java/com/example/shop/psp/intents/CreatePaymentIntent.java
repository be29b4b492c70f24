package com.example.shop.psp.intents;

import java.util.Map;

/** The validated parameters of {@code POST /v1/payment_intents}. */
public record CreatePaymentIntent(long amount, String currency, String paymentMethod, CaptureMethod captureMethod,
        Map<String, String> metadata) {

    public CreatePaymentIntent {
        metadata = Map.copyOf(metadata);
    }
}
