package com.example.shop.loyalty.points;

/** Why a ledger entry moved points; the sign of the entry follows from it (ADJUSTED goes either way). */
public enum EntryKind {
    /** Points for a confirmed order. */
    EARNED,
    /** Points spent as a discount at checkout. */
    REDEEMED,
    /** Redeemed points given back (cancellation, refund). */
    RESTORED,
    /** Earned points taken back (cancellation, refund). */
    REVERSED,
    /** Points older than the expiry period. */
    EXPIRED,
    /** An administrator's correction. */
    ADJUSTED
}
