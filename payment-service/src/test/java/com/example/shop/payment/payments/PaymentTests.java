package com.example.shop.payment.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.example.shop.payment.payments.AuthorizationOutcome.Authorized;
import com.example.shop.payment.payments.AuthorizationOutcome.Declined;
import com.example.shop.payment.payments.AuthorizationOutcome.Unavailable;

class PaymentTests {

    private static final Instant NOW = Instant.parse("2025-01-01T10:00:00Z");
    private final Payment pending = Payment.start(new OrderId(UUID.randomUUID()),
            Money.of(new BigDecimal("19.99"), "EUR"), "tok_visa", NOW);

    @Test
    void startsPendingWithTheSameRequestOnEveryTry() {
        assertThat(pending.status()).isEqualTo(PaymentStatus.PENDING);
        assertThat(pending.authorizationRequest()).isEqualTo(pending.authorizationRequest());
        assertThat(pending.authorizationRequest().idempotencyKey()).isEqualTo(pending.id().value().toString());
    }

    @Test
    void keepsTheProvidersReferenceWhenAuthorized() {
        Payment authorized = pending.settle(new Authorized("pi_123"), NOW.plusSeconds(1));

        assertThat(authorized.status()).isEqualTo(PaymentStatus.AUTHORIZED);
        assertThat(authorized.providerPaymentId()).isEqualTo("pi_123");
        assertThat(authorized.updatedAt()).isEqualTo(NOW.plusSeconds(1));
    }

    @Test
    void keepsTheDeclineCodeWhenDeclined() {
        Payment declined = pending.settle(new Declined("insufficient_funds"), NOW);

        assertThat(declined.status()).isEqualTo(PaymentStatus.DECLINED);
        assertThat(declined.declineCode()).isEqualTo("insufficient_funds");
    }

    @Test
    void canBeAuthorizedAfterTheProviderWasUnavailable() {
        Payment unavailable = pending.settle(new Unavailable("timeout"), NOW);

        assertThat(unavailable.status()).isEqualTo(PaymentStatus.UNAVAILABLE);
        assertThat(unavailable.settle(new Authorized("pi_1"), NOW).status()).isEqualTo(PaymentStatus.AUTHORIZED);
    }

    @Test
    void neverChangesAFinalOutcome() {
        Payment authorized = pending.settle(new Authorized("pi_1"), NOW);

        assertThat(authorized.settle(new Unavailable("late timeout"), NOW.plusSeconds(5))).isSameAs(authorized);
        assertThat(authorized.settle(new Declined("generic_decline"), NOW.plusSeconds(5))).isSameAs(authorized);
    }

    @Test
    void isForTheSameAmountAndTokenOnly() {
        assertThat(pending.isFor(Money.of(new BigDecimal("19.990"), "EUR"), "tok_visa")).isTrue();
        assertThat(pending.isFor(Money.of(new BigDecimal("19.99"), "USD"), "tok_visa")).isFalse();
        assertThat(pending.isFor(Money.of(new BigDecimal("19.99"), "EUR"), "tok_other")).isFalse();
    }
}
