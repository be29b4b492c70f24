package com.example.shop.payment.payments;

/**
 * Where a provider operation stands. PENDING: written, the provider is being asked. UNKNOWN: the provider's
 * answer never came (timeout, unreachable after retries); asked again under the same key, or settled by the
 * reconciliation job. SUCCEEDED and FAILED are what the provider said.
 */
public enum OperationStatus {
    PENDING,
    SUCCEEDED,
    FAILED,
    UNKNOWN;

    /** Whether the provider's answer is still to be learnt. */
    public boolean isOpen() {
        return this == PENDING || this == UNKNOWN;
    }
}
