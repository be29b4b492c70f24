package com.example.shop.resilience;

import java.time.Instant;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * One order the suite placed: the lifecycle it intends (the plan) and what it last saw of the order. The
 * expected figures are computed from what the order finally shows, so a plan the faults bent (a cancel that
 * met a rejection, a return never asked) still gets exact expectations.
 */
final class OrderRun {

    /** Where the suite drives the order after checkout. */
    enum Plan {
        KEEP, CUSTOMER_CANCELS, ADMIN_CANCELS, RETURN_ALL, RETURN_SOME, RETURN_SOME_WRITTEN_OFF;

        boolean cancels() {
            return this == CUSTOMER_CANCELS || this == ADMIN_CANCELS;
        }

        boolean returns() {
            return this == RETURN_ALL || this == RETURN_SOME || this == RETURN_SOME_WRITTEN_OFF;
        }
    }

    final Shopper shopper;
    final String phase;
    final Plan plan;
    final String paymentToken;
    final long pointsAsked;
    /** Units to send back per line number, decided once the order's lines are known. */
    Map<Integer, Integer> returnLines;
    volatile String orderId;
    volatile JsonNode view;
    String lastAction;
    Instant lastActionAt = Instant.EPOCH;
    Instant returnAskedAt;
    int refusals;

    OrderRun(Shopper shopper, String phase, Plan plan, String paymentToken, long pointsAsked) {
        this.shopper = shopper;
        this.phase = phase;
        this.plan = plan;
        this.paymentToken = paymentToken;
        this.pointsAsked = pointsAsked;
    }

    String status() {
        JsonNode v = view;
        return v == null || v.get("status") == null ? "UNKNOWN" : v.get("status").asString();
    }
}
