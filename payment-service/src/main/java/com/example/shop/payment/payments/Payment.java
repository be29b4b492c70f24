package com.example.shop.payment.payments;

import java.time.Instant;

/**
 * The one payment of an order and where it stands. {@code paymentToken} is the provider's token for the
 * customer's payment method (never card data); it is kept so that a retry sends the provider exactly the
 * request it saw first.
 */
public record Payment(
        PaymentId id,
        OrderId orderId,
        Money amount,
        String paymentToken,
        PaymentStatus status,
        String providerPaymentId,
        String declineCode,
        Instant createdAt,
        Instant updatedAt) {

    static Payment start(OrderId orderId, Money amount, String paymentToken, Instant now) {
        return new Payment(PaymentId.random(), orderId, amount, paymentToken, PaymentStatus.PENDING, null, null, now, now);
    }

    /** Whether a request for this payment's order asks for the same thing as the one that created it. */
    public boolean isFor(Money requestedAmount, String requestedToken) {
        return amount.equals(requestedAmount) && paymentToken.equals(requestedToken);
    }

    /** The provider's request for this payment; the same every time it is sent. */
    public PaymentProvider.AuthorizationRequest authorizationRequest() {
        return new PaymentProvider.AuthorizationRequest(id, orderId, amount, paymentToken);
    }

    /** This payment in another status. */
    Payment withStatus(PaymentStatus newStatus, Instant now) {
        return new Payment(id, orderId, amount, paymentToken, newStatus, providerPaymentId, declineCode, createdAt, now);
    }

    /** This payment after the provider released its hold. */
    Payment cancel(Instant now) {
        return new Payment(id, orderId, amount, paymentToken, PaymentStatus.CANCELLED, providerPaymentId, declineCode,
                createdAt, now);
    }

    /**
     * This payment after the provider's answer. A final status is never changed: an answer that arrives after
     * another call has settled the payment is only recorded as an attempt.
     */
    Payment settle(AuthorizationOutcome outcome, Instant now) {
        if (status.isFinal()) {
            return this;
        }
        return switch (outcome) {
            case AuthorizationOutcome.Authorized authorized -> new Payment(id, orderId, amount, paymentToken,
                    PaymentStatus.AUTHORIZED, authorized.providerPaymentId(), null, createdAt, now);
            case AuthorizationOutcome.Declined declined -> new Payment(id, orderId, amount, paymentToken,
                    PaymentStatus.DECLINED, null, declined.code(), createdAt, now);
            case AuthorizationOutcome.Unavailable unavailable -> new Payment(id, orderId, amount, paymentToken,
                    PaymentStatus.UNAVAILABLE, null, null, createdAt, now);
        };
    }
}
