package com.example.shop.payment.payments;

/**
 * The provider's answer to an operation never came. The operation stays UNKNOWN; asking again sends it under the
 * same idempotency key, and the reconciliation job settles it from what the provider shows meanwhile.
 */
public final class ProviderOutcomeUnknown extends RuntimeException {

    ProviderOutcomeUnknown(PaymentOperation operation) {
        super("The payment provider's answer to " + operation.kind().name().toLowerCase(java.util.Locale.ROOT)
                + " " + operation.id() + " is not known yet; ask again later.");
    }
}
