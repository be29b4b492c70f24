package com.example.shop.payment.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Currency;

import org.junit.jupiter.api.Test;

class PaymentStatusTests {

    @Test
    void treatsOnlyPendingAndUnavailableAsAuthorisationsStillOpen() {
        assertThat(PaymentStatus.values()).filteredOn(status -> !status.isFinal())
                .containsExactlyInAnyOrder(PaymentStatus.PENDING, PaymentStatus.UNAVAILABLE);
    }

    @Test
    void countsCapturedAndRefundedPaymentsAsCaptured() {
        assertThat(PaymentStatus.values()).filteredOn(PaymentStatus::isCaptured).containsExactlyInAnyOrder(
                PaymentStatus.CAPTURED, PaymentStatus.PARTIALLY_REFUNDED, PaymentStatus.REFUNDED);
    }

    @Test
    void treatsPendingAndUnknownOperationsAsOpen() {
        assertThat(OperationStatus.values()).filteredOn(OperationStatus::isOpen)
                .containsExactlyInAnyOrder(OperationStatus.PENDING, OperationStatus.UNKNOWN);
    }

    @Test
    void readsMinorUnitsAtTheCurrencysScale() {
        assertThat(Money.ofMinor(1999, Currency.getInstance("EUR"))).isEqualTo(Money.of(new BigDecimal("19.99"), "EUR"));
        assertThat(Money.ofMinor(500, Currency.getInstance("JPY")).minorUnits()).isEqualTo(500);
    }

    @Test
    void givesCapturesVoidsAndRefundsTheirOwnKeyAndAuthorisationsThePaymentId() {
        Payment payment = Payment.start(new OrderId(java.util.UUID.randomUUID()), Money.of(new BigDecimal("5.00"), "EUR"),
                "tok_visa", java.time.Instant.now());

        var authorize = PaymentOperation.authorize(payment, java.time.Instant.now());
        var capture = PaymentOperation.capture(payment, java.time.Instant.now());
        var refund = PaymentOperation.refund(payment, java.util.UUID.randomUUID(), payment.amount(), null,
                java.time.Instant.now());

        assertThat(authorize.idempotencyKey()).isEqualTo(payment.id().toString());
        assertThat(capture.idempotencyKey()).isEqualTo(capture.id().toString()).isEqualTo(capture.merchantReference());
        assertThat(refund.idempotencyKey()).isEqualTo(refund.id().toString()).isNotEqualTo(capture.idempotencyKey());
    }
}
