package com.example.shop.payment.payments;

import java.math.BigDecimal;
import java.util.List;

/**
 * A payment with what its operations moved: the amount held by its authorisation, captured and refunded (sums
 * of SUCCEEDED operations, zero when there are none, in the payment's currency) and every operation, oldest first.
 */
public record PaymentSummary(Payment payment, BigDecimal authorized, BigDecimal captured, BigDecimal refunded,
        List<PaymentOperation> operations) {
}
