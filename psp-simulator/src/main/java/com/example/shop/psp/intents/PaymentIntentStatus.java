package com.example.shop.psp.intents;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The statuses a simulated intent can reach: authorised and held, captured (at once or later; refunds keep it
 * {@code succeeded}), or a hold that was cancelled (the funds are free again).
 */
public enum PaymentIntentStatus {
    REQUIRES_CAPTURE("requires_capture"),
    SUCCEEDED("succeeded"),
    CANCELED("canceled");

    private final String wire;

    PaymentIntentStatus(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }
}
