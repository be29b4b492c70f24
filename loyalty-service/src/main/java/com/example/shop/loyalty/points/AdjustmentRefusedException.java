package com.example.shop.loyalty.points;

/** An administrator's adjustment that cannot be made. */
public class AdjustmentRefusedException extends RuntimeException {

    /** Why. */
    public enum Reason {
        /** A deduction larger than the available points: the balance never goes below zero (or below what is held). */
        INSUFFICIENT_POINTS,
        /** The customer was deleted; nothing about them is recorded again. */
        CUSTOMER_DELETED,
        /** The adjustment id was used before for a different adjustment. */
        ADJUSTMENT_ID_REUSED
    }

    private final Reason reason;

    public AdjustmentRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
