package com.example.shop.catalog.inventory;

/**
 * Where a reservation stands. RESERVED holds stock; REJECTED never took any; RELEASED gave its stock back.
 * REJECTED and RELEASED are final.
 */
public enum ReservationStatus {
    RESERVED, REJECTED, RELEASED
}
