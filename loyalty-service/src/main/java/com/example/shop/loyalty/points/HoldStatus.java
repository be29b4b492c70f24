package com.example.shop.loyalty.points;

/** Where a checkout's hold on points stands. */
public enum HoldStatus {
    /** The points are set aside for the order. */
    HELD,
    /** There were not enough points; nothing was held. */
    REJECTED,
    /** Given back to the balance (order rejected), or released before any hold arrived. */
    RELEASED,
    /** Redeemed by the confirmed order. */
    SPENT
}
