package com.example.shop.catalog.inventory.web;

import java.util.UUID;

/**
 * Outcome of a reservation call: the reservation's status ({@code RESERVED}, {@code REJECTED},
 * {@code RELEASED}, {@code EXPIRED}, {@code COMMITTED}), or {@code UNKNOWN} when a release or commit names an
 * order that was never reserved.
 */
record ReservationResponse(UUID orderId, String status) {
}
