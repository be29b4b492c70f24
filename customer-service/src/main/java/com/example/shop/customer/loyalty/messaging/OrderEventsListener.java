package com.example.shop.customer.loyalty.messaging;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.example.shop.contracts.order.OrderEvents;
import com.example.shop.customer.loyalty.LoyaltyAccounts;
import com.example.shop.customer.loyalty.QualifyingPurchase;
import com.example.shop.platform.messaging.EventEnvelope;
import com.example.shop.platform.messaging.Events;
import com.example.shop.platform.messaging.Inbox;

/** Credits loyalty points for confirmed orders; every other order event is ignored. */
@Component
class OrderEventsListener {

    /** The inbox consumer name; the inbox records each event once per name. */
    static final String CONSUMER = "loyalty";

    private final Events events;
    private final Inbox inbox;
    private final LoyaltyAccounts loyalty;

    OrderEventsListener(Events events, Inbox inbox, LoyaltyAccounts loyalty) {
        this.events = events;
        this.inbox = inbox;
        this.loyalty = loyalty;
    }

    @KafkaListener(topics = OrderEvents.TOPIC, groupId = "customer-service.loyalty")
    void on(String value) {
        EventEnvelope envelope = events.read(value);
        if (!OrderEvents.ORDER_CONFIRMED.equals(envelope.type())) {
            return;
        }
        QualifyingPurchase purchase = OrderConfirmedTranslator.translate(events, envelope);
        inbox.processOnce(CONSUMER, envelope, event -> loyalty.credit(purchase));
    }
}
