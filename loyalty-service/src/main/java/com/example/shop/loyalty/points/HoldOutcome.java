package com.example.shop.loyalty.points;

/**
 * The answer to a hold request.
 *
 * @param status {@link HoldStatus#HELD} or {@link HoldStatus#REJECTED}
 * @param reason why it was rejected ({@code INSUFFICIENT_POINTS}, {@code HOLD_RELEASED}), {@code null} when held
 */
public record HoldOutcome(OrderId orderId, HoldStatus status, long points, Money discount, String reason) {

    public static final String INSUFFICIENT_POINTS = "INSUFFICIENT_POINTS";
    public static final String HOLD_RELEASED = "HOLD_RELEASED";
}
