package com.example.shop.order.ordering;

import java.util.EnumSet;
import java.util.Set;

/** A return's state machine: REQUESTED (customer) -> RECEIVED (warehouse) -> REFUNDED (money paid back). */
public enum ReturnStatus {
    REQUESTED, RECEIVED, REFUNDED;

    public Set<ReturnStatus> next() {
        return switch (this) {
            case REQUESTED -> EnumSet.of(RECEIVED);
            case RECEIVED -> EnumSet.of(REFUNDED);
            case REFUNDED -> EnumSet.noneOf(ReturnStatus.class);
        };
    }

    public boolean canMoveTo(ReturnStatus target) {
        return next().contains(target);
    }
}
