package com.example.shop.catalog.inventory.web;

import java.util.UUID;

/**
 * Outcome of a reservation call: {@code RESERVED}, {@code REJECTED} or {@code RELEASED}, and {@code UNKNOWN}
 * when a release names an order that was never reserved.
 */
record ReservationResponse(UUID orderId, String status) {
}
