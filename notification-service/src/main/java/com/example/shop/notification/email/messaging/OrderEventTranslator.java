package com.example.shop.notification.email.messaging;

import java.util.List;
import java.util.Optional;

import com.example.shop.contracts.order.Money;
import com.example.shop.contracts.order.OrderCancelled;
import com.example.shop.contracts.order.OrderConfirmed;
import com.example.shop.contracts.order.OrderEvents;
import com.example.shop.contracts.order.OrderLine;
import com.example.shop.contracts.order.OrderRefunded;
import com.example.shop.contracts.order.OrderRejected;
import com.example.shop.contracts.order.OrderShipped;
import com.example.shop.contracts.order.ReturnLine;
import com.example.shop.notification.email.Amount;
import com.example.shop.notification.email.Occasion;
import com.example.shop.platform.messaging.EventEnvelope;
import com.example.shop.platform.messaging.Events;

/** Turns order-service's published events into the occasions this service writes e-mails about. */
final class OrderEventTranslator {

    private OrderEventTranslator() {
    }

    /**
     * The occasion, or empty for event types this service does not mail about.
     *
     * @throws Events.MalformedEventException when the event lacks what its mail needs: no retry can fix that
     */
    static Optional<Occasion> translate(Events events, EventEnvelope envelope) {
        return Translation.guarded(envelope, () -> switch (envelope.type()) {
            case OrderEvents.ORDER_CONFIRMED -> {
                OrderConfirmed e = events.data(envelope, OrderConfirmed.class);
                yield Optional.of(new Occasion.OrderConfirmed(envelope.id(), e.orderId(), e.customerId(),
                        e.customerEmail(), orderLines(e.lines()), required(e.total(), "total"),
                        amountOrNull(e.discount()), e.pointsRedeemed() == null ? 0 : e.pointsRedeemed(),
                        amountOrNull(e.amountDue())));
            }
            case OrderEvents.ORDER_REJECTED -> {
                OrderRejected e = events.data(envelope, OrderRejected.class);
                yield Optional.of(new Occasion.OrderRejected(envelope.id(), e.orderId(), e.customerId(),
                        e.customerEmail(), required(e.total(), "total"), e.reason()));
            }
            case OrderEvents.ORDER_CANCELLED -> {
                OrderCancelled e = events.data(envelope, OrderCancelled.class);
                yield Optional.of(new Occasion.OrderCancelled(envelope.id(), e.orderId(), e.customerId(),
                        e.customerEmail(), orderLines(e.lines()), required(e.total(), "total"), e.cancelledBy()));
            }
            case OrderEvents.ORDER_SHIPPED -> {
                OrderShipped e = events.data(envelope, OrderShipped.class);
                yield Optional.of(new Occasion.OrderShipped(envelope.id(), e.orderId(), e.customerId(),
                        e.customerEmail(), orderLines(e.lines()), required(e.total(), "total"), e.carrier(),
                        e.trackingNumber(), e.trackingUrl()));
            }
            case OrderEvents.ORDER_REFUNDED -> {
                OrderRefunded e = events.data(envelope, OrderRefunded.class);
                yield Optional.of(new Occasion.OrderRefunded(envelope.id(), e.orderId(), e.customerId(),
                        e.customerEmail(), returnLines(e.lines()), required(e.amount(), "amount"),
                        amountOrNull(e.totalRefunded())));
            }
            default -> Optional.empty();
        });
    }

    private static List<Occasion.Line> orderLines(List<OrderLine> lines) {
        return lines == null ? List.of() : lines.stream()
                .map(line -> new Occasion.Line(line.name(), line.sku(), line.quantity(), amountOrNull(line.unitPrice())))
                .toList();
    }

    private static List<Occasion.Line> returnLines(List<ReturnLine> lines) {
        return lines == null ? List.of() : lines.stream()
                .map(line -> new Occasion.Line(line.name(), line.sku(), line.quantity(), amountOrNull(line.unitPrice())))
                .toList();
    }

    private static Amount required(Money money, String field) {
        if (money == null) {
            throw new NullPointerException(field);
        }
        return amountOrNull(money);
    }

    private static Amount amountOrNull(Money money) {
        return money == null ? null : new Amount(money.amount(), money.currency());
    }
}
