package com.example.shop.order.ordering;

/**
 * A transition with remote steps that has been asked for and is not finished: recorded on the order before
 * any remote call, so the recovery job can finish it if its driver dies.
 */
public enum PendingAction {
    /** Buy the label, capture the payment, then SHIPPED. */
    SHIP,
    /** Void the payment, then CANCELLED. */
    CANCEL,
    /** At least one received return's refund was asked for and is not paid yet. */
    REFUND
}
