package com.example.shop.psp.refunds;

import com.fasterxml.jackson.annotation.JsonValue;

/** A refund's status; the simulator settles every refund at once, so it only ever reaches {@code succeeded}. */
public enum RefundStatus {
    SUCCEEDED("succeeded");

    private final String wire;

    RefundStatus(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }
}
