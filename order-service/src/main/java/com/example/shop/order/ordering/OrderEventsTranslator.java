package com.example.shop.order.ordering;

import com.example.shop.contracts.order.OrderConfirmed;
import com.example.shop.contracts.order.OrderRejected;

/**
 * Translates the order aggregate into the published contract of {@code platform/order-events}, so the
 * domain types can change without changing what other services read.
 */
public final class OrderEventsTranslator {

    private OrderEventsTranslator() {
    }

    public static OrderConfirmed confirmed(Order order) {
        requireStatus(order, OrderStatus.CONFIRMED);
        return new OrderConfirmed(order.id().value(), order.customerId().value(), order.customerEmail(),
                money(order.total()),
                order.lines().stream()
                        .map(line -> new com.example.shop.contracts.order.OrderLine(line.productId(), line.sku(),
                                line.name(), line.quantity(), money(line.unitPrice())))
                        .toList(),
                order.updatedAt());
    }

    public static OrderRejected rejected(Order order) {
        requireStatus(order, OrderStatus.REJECTED);
        return new OrderRejected(order.id().value(), order.customerId().value(), order.customerEmail(),
                money(order.total()), order.rejectionReason().orElseThrow().name(), order.updatedAt());
    }

    private static com.example.shop.contracts.order.Money money(Money money) {
        return new com.example.shop.contracts.order.Money(money.amount(), money.currency());
    }

    private static void requireStatus(Order order, OrderStatus status) {
        if (order.status() != status) {
            throw new IllegalArgumentException("order " + order.id() + " is " + order.status() + ", not " + status);
        }
    }
}
