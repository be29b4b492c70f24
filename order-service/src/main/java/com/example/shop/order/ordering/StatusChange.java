package com.example.shop.order.ordering;

import java.time.Instant;

/**
 * One row of an order's status history: a transition ({@code from != to}), or an intent or problem on the way
 * ({@code from == to}, the cause says which).
 */
public record StatusChange(OrderStatus from, OrderStatus to, Instant at, Actor actor, String cause, String detail) {
}
