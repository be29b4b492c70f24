package com.example.shop.payment.payments;

import java.math.BigDecimal;
import java.time.Instant;

import com.example.shop.contracts.payment.PaymentAuthorized;
import com.example.shop.contracts.payment.PaymentCaptured;
import com.example.shop.contracts.payment.PaymentRefunded;
import com.example.shop.contracts.payment.PaymentVoided;

/** Translates settled operations into the published contract of {@code platform/payment-events}. */
final class PaymentEventsTranslator {

    private PaymentEventsTranslator() {
    }

    static PaymentAuthorized authorized(Payment payment, Instant at) {
        return new PaymentAuthorized(payment.id().value(), payment.orderId().value(), wire(payment.amount()), at);
    }

    static PaymentCaptured captured(Payment payment, PaymentOperation capture, Instant at) {
        return new PaymentCaptured(payment.id().value(), payment.orderId().value(), wire(capture.amount()), at);
    }

    static PaymentVoided voided(Payment payment, Instant at) {
        return new PaymentVoided(payment.id().value(), payment.orderId().value(), wire(payment.amount()), at);
    }

    static PaymentRefunded refunded(Payment payment, PaymentOperation refund, BigDecimal totalRefunded, Instant at) {
        return new PaymentRefunded(payment.id().value(), payment.orderId().value(), refund.refundId(),
                wire(refund.amount()), wire(totalRefunded, refund.amount()), at);
    }

    private static com.example.shop.contracts.payment.Money wire(Money money) {
        return new com.example.shop.contracts.payment.Money(money.amount(), money.currency().getCurrencyCode());
    }

    private static com.example.shop.contracts.payment.Money wire(BigDecimal amount, Money ofCurrency) {
        return new com.example.shop.contracts.payment.Money(
                amount.setScale(ofCurrency.currency().getDefaultFractionDigits()),
                ofCurrency.currency().getCurrencyCode());
    }
}
