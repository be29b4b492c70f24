package com.example.shop.order.ordering;

import java.util.List;

import com.example.shop.contracts.order.OrderCancelled;
import com.example.shop.contracts.order.OrderConfirmed;
import com.example.shop.contracts.order.OrderDelivered;
import com.example.shop.contracts.order.OrderRefunded;
import com.example.shop.contracts.order.OrderRejected;
import com.example.shop.contracts.order.OrderReturnReceived;
import com.example.shop.contracts.order.OrderReturnRequested;
import com.example.shop.contracts.order.OrderReturned;
import com.example.shop.contracts.order.OrderShipped;
import com.example.shop.contracts.order.ReturnLine;

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
                money(order.total()), lines(order), order.updatedAt(), money(order.discount()),
                order.redemption().pointsRedeemed(), money(order.amountDue()));
    }

    public static OrderShipped shipped(Order order) {
        requireStatus(order, OrderStatus.SHIPPED);
        Shipment shipment = order.shipment().orElseThrow();
        return new OrderShipped(order.id().value(), order.customerId().value(), order.customerEmail(),
                money(order.total()), lines(order), shipment.carrier(), shipment.trackingNumber(),
                shipment.trackingUrl(), order.fulfilment().shippedAt());
    }

    public static OrderCancelled cancelled(Order order) {
        requireStatus(order, OrderStatus.CANCELLED);
        return new OrderCancelled(order.id().value(), order.customerId().value(), order.customerEmail(),
                money(order.total()), lines(order), order.fulfilment().cancelledBy().name(),
                order.fulfilment().cancelledAt());
    }

    public static OrderDelivered delivered(Order order) {
        requireStatus(order, OrderStatus.DELIVERED);
        return new OrderDelivered(order.id().value(), order.customerId().value(), order.customerEmail(),
                order.shipment().orElseThrow().trackingNumber(), order.fulfilment().deliveredAt());
    }

    public static OrderReturnRequested returnRequested(Order order, OrderReturn ret) {
        return new OrderReturnRequested(order.id().value(), ret.id().value(), order.customerId().value(),
                order.customerEmail(), returnLines(order, ret), ret.reason(), ret.requestedAt());
    }

    public static OrderReturnReceived returnReceived(Order order, OrderReturn ret) {
        return new OrderReturnReceived(order.id().value(), ret.id().value(), order.customerId().value(),
                returnLines(order, ret), Boolean.TRUE.equals(ret.restocked()), ret.receivedAt());
    }

    public static OrderRefunded refunded(Order order, OrderReturn ret, Money totalRefunded) {
        return new OrderRefunded(order.id().value(), ret.id().value(), order.customerId().value(),
                order.customerEmail(), returnLines(order, ret), money(ret.refunded()), money(totalRefunded),
                ret.refundedAt());
    }

    public static OrderReturned returned(Order order, Money totalRefunded) {
        requireStatus(order, OrderStatus.RETURNED);
        return new OrderReturned(order.id().value(), order.customerId().value(), order.customerEmail(),
                money(totalRefunded), order.updatedAt());
    }

    private static List<com.example.shop.contracts.order.OrderLine> lines(Order order) {
        return order.lines().stream()
                .map(line -> new com.example.shop.contracts.order.OrderLine(line.productId(), line.sku(),
                        line.name(), line.quantity(), money(line.unitPrice())))
                .toList();
    }

    private static List<ReturnLine> returnLines(Order order, OrderReturn ret) {
        return ret.lines().stream().map(returned -> {
            OrderLine line = order.lines().get(returned.lineNo() - 1);
            return new ReturnLine(returned.lineNo(), line.productId(), line.sku(), line.name(), returned.quantity(),
                    money(line.unitPrice()));
        }).toList();
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
