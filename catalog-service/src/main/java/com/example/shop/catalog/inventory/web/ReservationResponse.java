package com.example.shop.catalog.inventory.web;

import java.util.UUID;

/**
 * Outcome of a reservation call: the reservation's status ({@code RESERVED}, {@code REJECTED},
 * {@code RELEASED}, {@code EXPIRED}, {@code COMMITTED}), or {@code UNKNOWN} when a release or commit names an
 * order that was never reserved. A reserve call answers {@code RESERVED} for a reservation that is CONFIRMED
 * (it holds the stock), so order-service keeps its RESERVED|REJECTED contract.
 */
record ReservationResponse(UUID orderId, String status) {
}
