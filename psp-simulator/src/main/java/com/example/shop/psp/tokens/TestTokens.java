package com.example.shop.psp.tokens;

/**
 * The payment methods the simulator knows, named like Stripe's test tokens; each decides how the provider
 * behaves for the intents created with it. Any other value is answered 400 {@code resource_missing}.
 */
public final class TestTokens {

    /** Approved. */
    public static final String VISA = "tok_visa";
    /** Declined with {@code generic_decline}. */
    public static final String DECLINED = "tok_chargeDeclined";
    /** Declined with {@code insufficient_funds}. */
    public static final String INSUFFICIENT_FUNDS = "tok_insufficientFunds";
    /** Approved, but the create answers only after {@code psp.timeout-token-delay}. */
    public static final String TIMEOUT = "tok_timeout";
    /** Approved; the first request of every idempotency key on the intent fails with 500 and does nothing. */
    public static final String FLAKY = "tok_flaky";
    /** Approved; a capture is applied at once but its answer is held back for {@code psp.timeout-token-delay}. */
    public static final String CAPTURE_TIMEOUT = "tok_captureTimeout";
    /** Approved; a refund is applied at once but its answer is held back for {@code psp.timeout-token-delay}. */
    public static final String REFUND_TIMEOUT = "tok_refundTimeout";

    private TestTokens() {
    }

    /** Whether a create with this payment method is approved. */
    public static boolean approves(String paymentMethod) {
        return switch (paymentMethod) {
            case VISA, TIMEOUT, FLAKY, CAPTURE_TIMEOUT, REFUND_TIMEOUT -> true;
            default -> false;
        };
    }
}
