package com.example.shop.psp.intents;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** Whether the funds are only held ({@code manual}, the shop's case) or taken at once ({@code automatic}). */
public enum CaptureMethod {
    AUTOMATIC("automatic"),
    MANUAL("manual");

    private final String wire;

    CaptureMethod(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    public static Optional<CaptureMethod> fromWire(String value) {
        return Arrays.stream(values()).filter(method -> method.wire.equals(value)).findFirst();
    }
}
