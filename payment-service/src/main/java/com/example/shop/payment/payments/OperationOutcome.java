package com.example.shop.payment.payments;

import java.util.Objects;

/** What the provider answered to one capture, void or refund (or what a lookup showed of it). */
public sealed interface OperationOutcome {

    /** Done at the provider; {@code providerReference} is its id of what was touched or made. */
    record Succeeded(String providerReference) implements OperationOutcome {
        public Succeeded {
            Objects.requireNonNull(providerReference, "providerReference");
        }
    }

    /** The provider refused for good ({@code code}, e.g. {@code amount_too_large}); nothing happened. */
    record Failed(String code) implements OperationOutcome {
        public Failed {
            Objects.requireNonNull(code, "code");
        }
    }

    /** No answer (down, too slow, failing): it may or may not have happened. */
    record Unknown(String reason) implements OperationOutcome {
        public Unknown {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
