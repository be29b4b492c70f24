package com.example.shop.customer.loyalty.messaging;

import com.example.shop.contracts.order.OrderConfirmed;
import com.example.shop.customer.account.CustomerId;
import com.example.shop.customer.loyalty.QualifyingPurchase;
import com.example.shop.platform.messaging.EventEnvelope;
import com.example.shop.platform.messaging.Events;

/** Turns order-service's published event into the loyalty programme's own view of it. */
final class OrderConfirmedTranslator {

    private OrderConfirmedTranslator() {
    }

    static QualifyingPurchase translate(Events events, EventEnvelope envelope) {
        OrderConfirmed confirmed = events.data(envelope, OrderConfirmed.class);
        if (confirmed.orderId() == null || confirmed.customerId() == null || confirmed.total() == null
                || confirmed.total().amount() == null) {
            throw new Events.MalformedEventException(
                    envelope.type() + " " + envelope.id() + " lacks orderId, customerId or total");
        }
        return new QualifyingPurchase(envelope.id(), new CustomerId(confirmed.customerId()), confirmed.orderId(),
                confirmed.total().amount());
    }
}
