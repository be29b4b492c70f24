package com.example.shop.payment.payments;

import java.util.Objects;

/** What the provider answered to one authorisation request. */
public sealed interface AuthorizationOutcome {

    PaymentStatus status();

    /** The funds are held; {@code providerPaymentId} is the provider's reference for capture or refund. */
    record Authorized(String providerPaymentId) implements AuthorizationOutcome {
        public Authorized {
            Objects.requireNonNull(providerPaymentId, "providerPaymentId");
        }

        @Override
        public PaymentStatus status() {
            return PaymentStatus.AUTHORIZED;
        }
    }

    /** The provider refused the payment for good; {@code code} says why, e.g. {@code insufficient_funds}. */
    record Declined(String code) implements AuthorizationOutcome {
        public Declined {
            Objects.requireNonNull(code, "code");
        }

        @Override
        public PaymentStatus status() {
            return PaymentStatus.DECLINED;
        }
    }

    /** The provider gave no answer (down, too slow, failing); asking again later may succeed. */
    record Unavailable(String reason) implements AuthorizationOutcome {
        public Unavailable {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public PaymentStatus status() {
            return PaymentStatus.UNAVAILABLE;
        }
    }
}
