package com.example.shop.payment.payments;

/**
 * Where a payment stands. AUTHORIZED, DECLINED and CANCELLED are final for authorisation (an AUTHORIZED
 * payment may still be cancelled); PENDING (the provider is being asked) and UNAVAILABLE (the provider could
 * not be reached) may be asked again with the same idempotency key. CANCELLED: the order gave up on the
 * payment and the provider released its hold, so no money is held.
 */
public enum PaymentStatus {
    PENDING,
    AUTHORIZED,
    DECLINED,
    UNAVAILABLE,
    CANCELLED;

    public boolean isFinal() {
        return this == AUTHORIZED || this == DECLINED || this == CANCELLED;
    }
}
