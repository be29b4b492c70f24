package com.example.shop.payment.payments;

/** What a provider operation does to a payment. */
public enum OperationKind {
    /** Holds the amount on the customer's payment method (a payment intent with manual capture). */
    AUTHORIZE,
    /** Takes the held amount; at most one per payment. */
    CAPTURE,
    /** Releases the hold without taking money; at most one per payment. */
    VOID,
    /** Pays captured money back, in full or in part; one per caller's refund id. */
    REFUND
}
