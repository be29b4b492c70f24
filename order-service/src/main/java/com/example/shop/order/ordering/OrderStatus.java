package com.example.shop.order.ordering;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an order is in its life, and the only moves it may make: the transition table of the order's state
 * machine.
 *
 * <pre>
 * PENDING   -> CONFIRMED | REJECTED   (checkout)
 * CONFIRMED -> SHIPPED | CANCELLED    (label + capture, or void)
 * SHIPPED   -> DELIVERED              (carrier or admin)
 * DELIVERED -> RETURNED               (every unit returned and refunded)
 * </pre>
 *
 * REJECTED, CANCELLED and RETURNED are final; DELIVERED is final once no return is open.
 */
public enum OrderStatus {
    PENDING, CONFIRMED, REJECTED, SHIPPED, CANCELLED, DELIVERED, RETURNED;

    /** The statuses this one may move to. */
    public Set<OrderStatus> next() {
        return switch (this) {
            case PENDING -> EnumSet.of(CONFIRMED, REJECTED);
            case CONFIRMED -> EnumSet.of(SHIPPED, CANCELLED);
            case SHIPPED -> EnumSet.of(DELIVERED);
            case DELIVERED -> EnumSet.of(RETURNED);
            case REJECTED, CANCELLED, RETURNED -> EnumSet.noneOf(OrderStatus.class);
        };
    }

    public boolean canMoveTo(OrderStatus target) {
        return next().contains(target);
    }

    /** Whether checkout is over (the order is no longer PENDING); later statuses may still move on. */
    public boolean isFinal() {
        return this != PENDING;
    }

    /** Whether no transition leads anywhere from here. */
    public boolean isTerminal() {
        return next().isEmpty();
    }
}
