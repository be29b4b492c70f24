package com.example.shop.order.ordering;

/** Who caused a transition; recorded in the order's status history and in some events. */
public enum Actor {
    CUSTOMER, ADMIN, CARRIER, SYSTEM
}
