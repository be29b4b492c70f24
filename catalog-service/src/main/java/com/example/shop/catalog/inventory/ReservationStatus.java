package com.example.shop.catalog.inventory;

/**
 * Where a reservation stands. RESERVED holds stock until it expires; CONFIRMED (order confirmed) holds it and
 * never expires; REJECTED never took any; RELEASED (order rejected or cancelled) and EXPIRED (not confirmed in
 * time) gave it back; COMMITTED (order shipped, or the commit endpoint) took it out of on hand for good. Each
 * move happens at most once.
 */
public enum ReservationStatus {
    RESERVED, CONFIRMED, REJECTED, RELEASED, EXPIRED, COMMITTED;

    /** Whether the reservation's units are held in {@code reserved}. */
    public boolean holdsStock() {
        return this == RESERVED || this == CONFIRMED;
    }
}
