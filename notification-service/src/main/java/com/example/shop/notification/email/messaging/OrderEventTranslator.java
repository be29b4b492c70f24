package com.example.shop.notification.email.messaging;

import java.util.Optional;

import com.example.shop.contracts.order.Money;
import com.example.shop.contracts.order.OrderConfirmed;
import com.example.shop.contracts.order.OrderEvents;
import com.example.shop.contracts.order.OrderRejected;
import com.example.shop.notification.email.Amount;
import com.example.shop.notification.email.OrderOutcome;
import com.example.shop.platform.messaging.EventEnvelope;
import com.example.shop.platform.messaging.Events;

/** Turns order-service's published events into the outcomes this service writes e-mails about. */
final class OrderEventTranslator {

    private OrderEventTranslator() {
    }

    /** The outcome, or empty for event types this service does not handle. */
    static Optional<OrderOutcome> translate(Events events, EventEnvelope envelope) {
        try {
            return switch (envelope.type()) {
                case OrderEvents.ORDER_CONFIRMED -> {
                    OrderConfirmed e = events.data(envelope, OrderConfirmed.class);
                    yield Optional.of(new OrderOutcome.Confirmed(envelope.id(), e.orderId(), e.customerId(),
                            e.customerEmail(), amount(e.total())));
                }
                case OrderEvents.ORDER_REJECTED -> {
                    OrderRejected e = events.data(envelope, OrderRejected.class);
                    yield Optional.of(new OrderOutcome.Rejected(envelope.id(), e.orderId(), e.customerId(),
                            e.customerEmail(), amount(e.total()), e.reason()));
                }
                default -> Optional.empty();
            };
        }
        catch (NullPointerException ex) {
            // A required field is missing: no retry can fix that, so it goes to the dead-letter topic at once.
            throw new Events.MalformedEventException(envelope.type() + " " + envelope.id() + ": " + ex.getMessage());
        }
    }

    private static Amount amount(Money money) {
        if (money == null) {
            throw new NullPointerException("total");
        }
        return new Amount(money.amount(), money.currency());
    }
}
