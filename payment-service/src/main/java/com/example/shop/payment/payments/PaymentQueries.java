package com.example.shop.payment.payments;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

/** Reads payments with their operations, for order-service and for admins. */
@Service
public class PaymentQueries {

    /** The largest page the admin list answers. */
    public static final int MAX_PAGE_SIZE = 100;

    private final PaymentRepository payments;
    private final PaymentOperationRepository operations;

    PaymentQueries(PaymentRepository payments, PaymentOperationRepository operations) {
        this.payments = payments;
        this.operations = operations;
    }

    /** A page of payments and how many there are in all. */
    public record Page(List<PaymentSummary> items, int page, int size, long total) {
    }

    public Optional<PaymentSummary> summary(OrderId orderId) {
        return payments.findByOrderId(orderId).map(this::summary);
    }

    /** Payments newest first, optionally of one status; {@code page} from 0, {@code size} 1 to {@value #MAX_PAGE_SIZE}. */
    public Page list(Optional<PaymentStatus> status, int page, int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page must be 0 or more and size between 1 and " + MAX_PAGE_SIZE);
        }
        List<PaymentSummary> items = payments.page(status, page, size).stream().map(this::summary).toList();
        return new Page(items, page, size, payments.count(status));
    }

    private PaymentSummary summary(Payment payment) {
        List<PaymentOperation> all = operations.ofPayment(payment.id());
        return new PaymentSummary(payment, sum(all, OperationKind.AUTHORIZE, payment), sum(all, OperationKind.CAPTURE, payment),
                sum(all, OperationKind.REFUND, payment), all);
    }

    private static BigDecimal sum(List<PaymentOperation> all, OperationKind kind, Payment payment) {
        return all.stream()
                .filter(op -> op.kind() == kind && op.status() == OperationStatus.SUCCEEDED)
                .map(op -> op.amount().amount())
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(payment.amount().currency().getDefaultFractionDigits());
    }
}
