package com.example.shop.notification.email.messaging;

import java.util.List;
import java.util.Optional;

import com.example.shop.contracts.cart.CartAbandoned;
import com.example.shop.contracts.cart.CartEvents;
import com.example.shop.notification.email.Amount;
import com.example.shop.notification.email.Occasion;
import com.example.shop.platform.messaging.EventEnvelope;
import com.example.shop.platform.messaging.Events;

/** Turns cart-service's abandoned carts into cart reminders. */
final class CartEventTranslator {

    private CartEventTranslator() {
    }

    /** The reminder, or empty for other cart events. */
    static Optional<Occasion> translate(Events events, EventEnvelope envelope) {
        if (!CartEvents.CART_ABANDONED.equals(envelope.type())) {
            return Optional.empty();
        }
        return Translation.guarded(envelope, () -> {
            CartAbandoned e = events.data(envelope, CartAbandoned.class);
            List<Occasion.Line> lines = e.lines() == null ? List.of() : e.lines().stream()
                    .map(line -> new Occasion.Line(line.name(), line.sku(), line.quantity(),
                            line.unitPrice() == null ? null
                                    : new Amount(line.unitPrice().amount(), line.unitPrice().currency())))
                    .toList();
            return Optional.of(new Occasion.CartReminder(envelope.id(), e.cartId(), e.customerId(), lines));
        });
    }
}
