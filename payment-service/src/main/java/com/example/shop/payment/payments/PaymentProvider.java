package com.example.shop.payment.payments;

/**
 * The port to the payment service provider. Implementations must never throw for an unreachable or failing
 * provider: they answer {@link AuthorizationOutcome.Unavailable} instead.
 */
public interface PaymentProvider {

    /**
     * Asks the provider to authorise (hold) the amount. The provider treats every call with the same
     * {@link AuthorizationRequest#idempotencyKey()} as one payment, so repeating a call never charges twice.
     */
    AuthorizationOutcome authorize(AuthorizationRequest request);

    /**
     * Asks the provider to cancel an authorised (held) payment, so the funds are free again. Repeating it is
     * harmless; an intent the provider does not know holds nothing and counts as cancelled.
     */
    CancellationOutcome cancel(String providerPaymentId, String idempotencyKey);

    /** Takes {@code amount} of a held intent; every request of one capture carries the same key. */
    OperationOutcome capture(String providerPaymentId, Money amount, String idempotencyKey);

    /** Pays {@code amount} of a captured intent back; {@code merchantReference} finds it again later. */
    OperationOutcome refund(RefundRequest request);

    /** The intent as the provider has it now. */
    Lookup<ProviderIntent> intent(String providerPaymentId);

    /** The intent created with this merchant reference (a payment's id), if any. */
    Lookup<ProviderIntent> intentByMerchantReference(String merchantReference);

    /** The refund created with this merchant reference (a refund operation's id), if any. */
    Lookup<ProviderRefund> refundByMerchantReference(String merchantReference);

    /** One refund request; {@code merchantReference} is sent as {@code metadata.merchant_reference}. */
    record RefundRequest(String providerPaymentId, Money amount, String idempotencyKey, String merchantReference) {
    }

    /** What the provider shows of an intent; amounts in minor units. */
    record ProviderIntent(String id, IntentState state, long amountReceived, long amountRefunded) {
    }

    /** An intent's state, reduced to what settles an operation. */
    enum IntentState {
        /** Authorised, not captured: the money is held. */
        HELD,
        /** Captured (in full or part). */
        CAPTURED,
        /** Cancelled: nothing held, nothing taken. */
        CANCELLED,
        /** Not authorised (yet), or a state the shop does not use. */
        OTHER
    }

    /** What the provider shows of a refund. */
    record ProviderRefund(String id, boolean succeeded, long amount) {
    }

    /** The answer of a lookup at the provider. */
    sealed interface Lookup<T> {

        record Found<T>(T value) implements Lookup<T> {
        }

        /** The provider has no such thing: whatever created it never reached the provider. */
        record NotFound<T>() implements Lookup<T> {
        }

        /** The provider could not be asked. */
        record Unavailable<T>(String reason) implements Lookup<T> {
        }
    }

    /** What the provider answered to a cancel. */
    sealed interface CancellationOutcome {

        /** The hold is released (or there never was one at the provider). */
        record Cancelled() implements CancellationOutcome {
        }

        /** The provider could not be reached; the hold may still be there. */
        record Unavailable(String reason) implements CancellationOutcome {
        }

        /** The provider refused the cancel (e.g. the intent was captured); {@code code} says why. */
        record Refused(String code) implements CancellationOutcome {
        }
    }

    /** One authorisation, keyed by the payment's id. */
    record AuthorizationRequest(PaymentId paymentId, OrderId orderId, Money amount, String paymentToken) {

        public String idempotencyKey() {
            return paymentId.toString();
        }
    }
}
