package com.example.shop.psp.intents;

import com.fasterxml.jackson.annotation.JsonValue;

/** The statuses a simulated intent can reach: authorised and held, or authorised and captured at once. */
public enum PaymentIntentStatus {
    REQUIRES_CAPTURE("requires_capture"),
    SUCCEEDED("succeeded");

    private final String wire;

    PaymentIntentStatus(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }
}
