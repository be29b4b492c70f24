package com.example.shop.order.ordering;

/** Where an order is in its life: it starts PENDING and ends, once, in CONFIRMED or REJECTED. */
public enum OrderStatus {
    PENDING, CONFIRMED, REJECTED;

    public boolean isFinal() {
        return this != PENDING;
    }
}
