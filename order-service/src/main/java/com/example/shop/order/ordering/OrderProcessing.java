package com.example.shop.order.ordering;

import java.time.Clock;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.example.shop.contracts.order.OrderEvents;
import com.example.shop.platform.messaging.Outbox;

/**
 * Drives a PENDING order to its final status: reserve stock, authorise the payment, and confirm; or release
 * the stock and reject. Every step is idempotent per order id, so the request thread and the recovery job
 * may both drive the same order, any number of times, and the customer is charged at most once.
 *
 * <p>The final transition and its event are written in one transaction, and the transition only happens
 * if the order is still PENDING, so each order publishes exactly one of {@code order.confirmed.v1} and
 * {@code order.rejected.v1}.
 */
@Service
public class OrderProcessing {

    private static final Logger log = LoggerFactory.getLogger(OrderProcessing.class);

    private final OrderRepository orders;
    private final Inventory inventory;
    private final Payments payments;
    private final Outbox outbox;
    private final TransactionTemplate tx;
    private final Clock clock;

    OrderProcessing(OrderRepository orders, Inventory inventory, Payments payments, Outbox outbox,
            PlatformTransactionManager txManager, Clock clock) {
        this.orders = orders;
        this.inventory = inventory;
        this.payments = payments;
        this.outbox = outbox;
        this.tx = new TransactionTemplate(txManager);
        this.clock = clock;
    }

    /**
     * Takes the order as far as the other services allow now.
     *
     * @return the order as stored afterwards: final, or still PENDING when a service could not be reached
     */
    public Order drive(OrderId id) {
        Order order = orders.findById(id).orElseThrow(() -> new IllegalArgumentException("no order " + id));
        if (order.status().isFinal()) {
            return order;
        }
        try {
            RejectionReason reason = order.pendingRejection().orElse(null);
            if (reason == null) {
                Optional<RejectionReason> refusal = reserveAndPay(order);
                if (refusal.isEmpty()) {
                    return finish(order.confirm(clock.instant()));
                }
                reason = refusal.get();
                if (reason == RejectionReason.OUT_OF_STOCK) {
                    return finish(order.reject(reason, clock.instant()));
                }
                // Remembered before the release: a payment that was UNAVAILABLE might succeed when asked again,
                // and must not be asked again once the stock has been given back.
                order = order.decideRejection(reason, clock.instant());
                orders.recordPendingRejection(order);
            }
            inventory.release(order.id());
            return finish(order.reject(reason, clock.instant()));
        }
        catch (DependencyUnavailableException ex) {
            log.warn("Order {} stays PENDING for now: {}", id, ex.getMessage());
            return orders.findById(id).orElseThrow();
        }
    }

    /** @return empty when the stock is reserved and the payment authorised, else why the order is refused */
    private Optional<RejectionReason> reserveAndPay(Order order) {
        ReservationOutcome reservation = inventory.reserve(order.id(), order.lines());
        if (reservation instanceof ReservationOutcome.OutOfStock) {
            return Optional.of(RejectionReason.OUT_OF_STOCK);
        }
        return switch (payments.authorize(order.id(), order.total(), order.paymentToken())) {
            case PaymentOutcome.Authorized authorized -> Optional.empty();
            case PaymentOutcome.Declined declined -> Optional.of(RejectionReason.PAYMENT_DECLINED);
            case PaymentOutcome.Unavailable unavailable -> Optional.of(RejectionReason.PAYMENT_UNAVAILABLE);
        };
    }

    private Order finish(Order finished) {
        tx.executeWithoutResult(status -> {
            if (!orders.finish(finished)) {
                return;
            }
            String key = finished.id().toString();
            switch (finished.status()) {
                case CONFIRMED -> outbox.publish(OrderEvents.TOPIC, key, OrderEvents.ORDER_CONFIRMED,
                        OrderEventsTranslator.confirmed(finished));
                case REJECTED -> outbox.publish(OrderEvents.TOPIC, key, OrderEvents.ORDER_REJECTED,
                        OrderEventsTranslator.rejected(finished));
                case PENDING -> throw new IllegalStateException("not final");
            }
        });
        return orders.findById(finished.id()).orElseThrow();
    }
}
