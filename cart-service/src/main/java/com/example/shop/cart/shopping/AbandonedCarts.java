package com.example.shop.cart.shopping;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.example.shop.contracts.cart.CartAbandoned;
import com.example.shop.contracts.cart.CartEvents;
import com.example.shop.contracts.cart.Money;
import com.example.shop.platform.messaging.Outbox;

/**
 * Finds carts nobody is coming back to. A customer's cart with lines, unchanged for
 * {@code shop.cart.abandon-after}, is reported once as {@code cart.abandoned.v1} (marked and published in one
 * transaction, through the outbox), so a marketing step can remind the customer; changing the cart clears the
 * mark. A guest's cart unchanged for {@code shop.cart.guest-ttl} is deleted: nobody could be reminded of it.
 */
@Component
class AbandonedCarts {

    private static final Logger log = LoggerFactory.getLogger(AbandonedCarts.class);

    /** Carts reported per transaction; the next run (at once, see {@link #sweep}) takes the rest. */
    private static final int BATCH = 100;

    private final CartRepository carts;
    private final Outbox outbox;
    private final TransactionTemplate transaction;
    private final CartProperties properties;

    AbandonedCarts(CartRepository carts, Outbox outbox, TransactionTemplate transaction, CartProperties properties) {
        this.carts = carts;
        this.outbox = outbox;
        this.transaction = transaction;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${shop.cart.sweep-interval:1m}", initialDelayString = "${shop.cart.sweep-interval:1m}")
    void sweep() {
        try {
            while (reportAbandoned() == BATCH) {
                // a backlog: keep going rather than wait a whole interval per batch
            }
            int expired = deleteExpiredGuestCarts();
            if (expired > 0) {
                log.info("Deleted {} guest carts unchanged for {}", expired, properties.guestTtl());
            }
        }
        catch (RuntimeException ex) {
            // The database may be away for a moment; the next run tries again.
            log.warn("Cart sweep failed, trying again in {}: {}", properties.sweepInterval(), ex.getMessage());
        }
    }

    /** Marks and reports one batch of abandoned carts; returns how many. */
    int reportAbandoned() {
        Integer reported = transaction.execute(status -> {
            List<CartRepository.Abandoned> abandoned = carts.markAbandoned(properties.abandonAfter(), BATCH);
            for (CartRepository.Abandoned cart : abandoned) {
                List<CartAbandoned.Line> lines = carts.lines(cart.cart()).stream()
                        .map(line -> new CartAbandoned.Line(line.productId().value(), line.sku(), line.name(),
                                line.quantity(), line.seenPrice() == null ? null
                                        : new Money(line.seenPrice().amount(), line.seenPrice().currency())))
                        .toList();
                outbox.publish(CartEvents.TOPIC, cart.cart().toString(), CartEvents.CART_ABANDONED,
                        new CartAbandoned(cart.cart().value(), cart.customer().value(), lines, cart.lastChangedAt(),
                                cart.abandonedAt()));
            }
            return abandoned.size();
        });
        return reported == null ? 0 : reported;
    }

    /** Deletes expired guest carts; returns how many. */
    int deleteExpiredGuestCarts() {
        return carts.deleteGuestCartsUnchangedFor(properties.guestTtl());
    }
}
