package com.example.shop.catalog.inventory;

/**
 * Where a reservation stands. RESERVED holds stock; REJECTED never took any; RELEASED (order rejected or
 * cancelled) and EXPIRED (not confirmed in time) gave it back; COMMITTED (order confirmed) took it out of on
 * hand for good. Only RESERVED moves, and each move happens at most once.
 */
public enum ReservationStatus {
    RESERVED, REJECTED, RELEASED, EXPIRED, COMMITTED
}
