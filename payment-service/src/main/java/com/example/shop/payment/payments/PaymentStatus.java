package com.example.shop.payment.payments;

/**
 * Where a payment stands. AUTHORIZED and DECLINED are final; PENDING (the provider is being asked) and
 * UNAVAILABLE (the provider could not be reached) may be asked again with the same idempotency key.
 */
public enum PaymentStatus {
    PENDING,
    AUTHORIZED,
    DECLINED,
    UNAVAILABLE;

    public boolean isFinal() {
        return this == AUTHORIZED || this == DECLINED;
    }
}
