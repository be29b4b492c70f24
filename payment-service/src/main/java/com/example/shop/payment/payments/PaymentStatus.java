package com.example.shop.payment.payments;

/**
 * Where a payment stands. AUTHORIZED, DECLINED and CANCELLED are final for authorisation (an AUTHORIZED
 * payment may still be cancelled); PENDING (the provider is being asked) and UNAVAILABLE (the provider could
 * not be reached) may be asked again with the same idempotency key. CANCELLED: the order gave up on the
 * payment and the provider released its hold, so no money is held. CAPTURED: the held amount was taken;
 * PARTIALLY_REFUNDED and REFUNDED: some or all of it was paid back.
 */
public enum PaymentStatus {
    PENDING,
    AUTHORIZED,
    DECLINED,
    UNAVAILABLE,
    CANCELLED,
    CAPTURED,
    PARTIALLY_REFUNDED,
    REFUNDED;

    /** Whether the authorisation is over: the provider was heard, or the payment moved on from it. */
    public boolean isFinal() {
        return this != PENDING && this != UNAVAILABLE;
    }

    /** Whether money was taken (and some may have been paid back). */
    public boolean isCaptured() {
        return this == CAPTURED || this == PARTIALLY_REFUNDED || this == REFUNDED;
    }
}
