package com.example.shop.order.ordering;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.example.shop.contracts.order.OrderEvents;
import com.example.shop.platform.messaging.Outbox;

/**
 * Drives a PENDING order to its final status: reserve stock, hold the loyalty points it redeems (if any),
 * authorise the amount due, and confirm; or release the stock (and the points) and reject.
 *
 * <p>Only one driver at a time: a driver (the request thread, or a run of the recovery job) owns the order's
 * lease, renews it before every remote step, and stops as soon as it lost it. The lease is longer than the
 * slowest step, so a driver that still works never finds another one beside it. Every step is idempotent per
 * order id anyway, and the final transition, written in one transaction with its event, only happens for the
 * lease owner of a still PENDING order (a confirmation also only when no rejection was decided), so each
 * order publishes exactly one of {@code order.confirmed.v1} and {@code order.rejected.v1}.
 *
 * <p>UNAVAILABLE from payment-service is not final (the provider may have authorised after all): the order
 * stays PENDING and the payment is asked again, with back-off, until {@code shop.order.payment-deadline};
 * then payment-service is asked to cancel the payment, and only once no money is held is the stock released
 * and the order rejected {@code PAYMENT_UNAVAILABLE}.
 *
 * <p>Points: after the stock is reserved, loyalty-service is asked to hold them (idempotent per order id). HELD
 * stores the discount (at most the total) and the amount due on the order before the payment is asked for that
 * amount; REJECTED rejects the order {@code INSUFFICIENT_POINTS}. While loyalty-service cannot be reached the
 * order stays PENDING, stock reserved, and the hold is asked again until {@code shop.order.loyalty-deadline}
 * after the first failure; then the order is rejected {@code LOYALTY_UNAVAILABLE}. Every rejection of an order
 * that redeems points releases the hold after the stock, as well as loyalty-service can be reached: a release
 * it cannot answer is left to loyalty-service's own release on {@code order.rejected.v1}, so a hold never
 * outlives its order's final state, and no rejection waits for loyalty-service.
 */
@Service
public class OrderProcessing {

    private static final Logger log = LoggerFactory.getLogger(OrderProcessing.class);

    private final OrderRepository orders;
    private final Inventory inventory;
    private final Payments payments;
    private final Loyalty loyalty;
    private final Outbox outbox;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final OrderProperties properties;

    OrderProcessing(OrderRepository orders, Inventory inventory, Payments payments, Loyalty loyalty, Outbox outbox,
            PlatformTransactionManager txManager, Clock clock, OrderProperties properties) {
        this.orders = orders;
        this.inventory = inventory;
        this.payments = payments;
        this.loyalty = loyalty;
        this.outbox = outbox;
        this.tx = new TransactionTemplate(txManager);
        this.clock = clock;
        this.properties = properties;
    }

    /**
     * Takes the order as far as the other services allow now, if {@code owner} holds (or can claim) its lease.
     *
     * @return the order as stored afterwards: final, or still PENDING when a service could not be reached,
     *     the payment is being retried, or another driver holds the order
     */
    public Order drive(OrderId id, UUID owner) {
        Order order = orders.findById(id).orElseThrow(() -> new IllegalArgumentException("no order " + id));
        if (order.status().isFinal() || !renew(id, owner)) {
            return order;
        }
        try {
            RejectionReason reason = order.pendingRejection().orElse(null);
            if (reason == null) {
                Decision decision = reserveAndPay(order, owner);
                switch (decision) {
                    case Decision.Stop stop -> {
                        return orders.findById(id).orElseThrow();
                    }
                    case Decision.Confirm confirm -> {
                        return finish(confirm.order().confirm(clock.instant()), owner);
                    }
                    case Decision.Reject reject when reject.reason() == RejectionReason.OUT_OF_STOCK -> {
                        // Nothing was reserved, so there is no stock to give back; points are held only after
                        // the stock, but a reservation that expired meanwhile may come back REJECTED on a retry.
                        releasePoints(order);
                        return finish(order.reject(reject.reason(), clock.instant()), owner);
                    }
                    case Decision.Reject reject -> reason = reject.reason();
                }
                // Remembered before the release: the payment must not be asked again once the stock is given back.
                Order decided = order.decideRejection(reason, clock.instant());
                if (!orders.recordPendingRejection(decided, owner)) {
                    // Another driver decided first, or took the order: follow what is stored.
                    Order stored = orders.findById(id).orElseThrow();
                    if (stored.status().isFinal() || stored.pendingRejection().isEmpty() || !renew(id, owner)) {
                        return stored;
                    }
                    decided = stored;
                    reason = stored.pendingRejection().orElseThrow();
                }
                order = decided;
            }
            if (!renew(id, owner)) {
                return orders.findById(id).orElseThrow();
            }
            inventory.release(order.id());
            releasePoints(order);
            return finish(order.reject(reason, clock.instant()), owner);
        }
        catch (DependencyRefusedException ex) {
            log.error("Order {} stays PENDING: a service refused a request ({}); asking again in {}", id,
                    ex.getMessage(), properties.recovery().contractErrorRetry());
            orders.postpone(id, owner, clock.instant().plus(properties.recovery().contractErrorRetry()));
            return orders.findById(id).orElseThrow();
        }
        catch (DependencyUnavailableException ex) {
            log.warn("Order {} stays PENDING for now: {}", id, ex.getMessage());
            orders.postpone(id, owner, clock.instant().plus(properties.recovery().staleAfter()));
            return orders.findById(id).orElseThrow();
        }
    }

    /** What the remote steps decided. */
    private sealed interface Decision {
        /** Confirm the order as it is now (with the discount of its held points). */
        record Confirm(Order order) implements Decision {
        }

        record Reject(RejectionReason reason) implements Decision {
        }

        /** Leave the order PENDING: the lease was lost, or the payment is retried later. */
        record Stop() implements Decision {
        }
    }

    private Decision reserveAndPay(Order order, UUID owner) {
        ReservationOutcome reservation = inventory.reserve(order.id(), order.lines());
        if (reservation instanceof ReservationOutcome.OutOfStock) {
            return new Decision.Reject(RejectionReason.OUT_OF_STOCK);
        }
        if (order.awaitsPointsHold()) {
            if (!renew(order.id(), owner)) {
                return new Decision.Stop();
            }
            Optional<Decision> held = holdPoints(order, owner);
            if (held.isPresent()) {
                return held.get();
            }
            order = orders.findById(order.id()).orElseThrow();
        }
        if (order.amountDue().amount().signum() == 0) {
            // Nothing to pay (a free cart, or points that cover the total); payment-service refuses a zero amount.
            return new Decision.Confirm(order);
        }
        if (!renew(order.id(), owner)) {
            return new Decision.Stop();
        }
        Instant now = clock.instant();
        Instant deadline = orders.paymentUnavailableSince(order.id())
                .map(since -> since.plus(properties.paymentDeadline())).orElse(null);
        if (deadline != null && !now.isBefore(deadline)) {
            // Given up on the payment: only once payment-service knows it holds no money is the stock released.
            payments.cancel(order.id());
            log.info("Order {}: payment still unavailable after the deadline, cancelled", order.id());
            return new Decision.Reject(RejectionReason.PAYMENT_UNAVAILABLE);
        }
        Order toPay = order;
        return switch (payments.authorize(order.id(), order.amountDue(), order.paymentToken())) {
            case PaymentOutcome.Authorized authorized -> new Decision.Confirm(toPay);
            case PaymentOutcome.Declined declined -> new Decision.Reject(RejectionReason.PAYMENT_DECLINED);
            case PaymentOutcome.Unavailable unavailable -> {
                retryPaymentLater(order.id(), owner);
                yield new Decision.Stop();
            }
        };
    }

    /**
     * Asks loyalty-service to hold the order's points and stores the discount they are worth.
     *
     * @return empty when the points are held and the order may be paid; otherwise what to do instead
     */
    private Optional<Decision> holdPoints(Order order, UUID owner) {
        Instant now = clock.instant();
        Loyalty.PointsHold answer;
        try {
            // The total caps the discount, so loyalty-service holds (and later spends) only the points it needs.
            answer = loyalty.hold(order.id(), order.customerId(), order.redemption().pointsRequested(), order.total());
        }
        catch (DependencyRefusedException ex) {
            throw ex;
        }
        catch (DependencyUnavailableException ex) {
            Instant deadline = orders.recordLoyaltyUnavailable(order.id(), owner, now)
                    .plus(properties.loyaltyDeadline());
            Instant after = clock.instant();
            if (!after.isBefore(deadline)) {
                log.warn("Order {}: loyalty-service unreachable past the deadline {}; rejecting", order.id(), deadline);
                return Optional.of(new Decision.Reject(RejectionReason.LOYALTY_UNAVAILABLE));
            }
            Instant next = after.plus(properties.recovery().staleAfter());
            orders.postpone(order.id(), owner, next.isAfter(deadline) ? deadline : next);
            log.warn("Order {}: loyalty-service unreachable ({}), asking again until {}", order.id(), ex.getMessage(),
                    deadline);
            return Optional.of(new Decision.Stop());
        }
        return switch (answer) {
            case Loyalty.PointsHold.Rejected rejected -> {
                log.info("Order {}: loyalty-service refused to hold {} points ({})", order.id(),
                        order.redemption().pointsRequested(), rejected.reason());
                yield Optional.of(new Decision.Reject(RejectionReason.INSUFFICIENT_POINTS));
            }
            case Loyalty.PointsHold.Held held -> {
                if (orders.recordPointsHeld(order.pointsHeld(held.points(), held.discount(), now), owner, now)) {
                    yield Optional.empty();
                }
                // Lost the lease, or another driver stored the hold first: go on only with what is stored.
                Order stored = orders.findById(order.id()).orElseThrow();
                yield stored.redemption().held() && renew(order.id(), owner) ? Optional.empty()
                        : Optional.of(new Decision.Stop());
            }
        };
    }

    /**
     * Gives the order's held points back, if it redeems any. Best effort: loyalty-service releases the hold
     * itself on {@code order.rejected.v1}, so a release it cannot answer now does not keep the order PENDING.
     */
    private void releasePoints(Order order) {
        if (!order.redemption().wanted()) {
            return;
        }
        try {
            loyalty.release(order.id());
        }
        catch (DependencyUnavailableException ex) {
            log.warn("Order {}: could not release its points hold now ({}); loyalty-service releases it on "
                    + "order.rejected.v1", order.id(), ex.getMessage());
        }
    }

    private void retryPaymentLater(OrderId id, UUID owner) {
        Instant now = clock.instant();
        OrderRepository.PaymentRetries retries = orders.recordPaymentUnavailable(id, owner, now);
        Duration backoff = properties.recovery().staleAfter()
                .multipliedBy(1L << Math.min(10, Math.max(0, retries.attempts() - 1)));
        Instant deadline = retries.since().plus(properties.paymentDeadline());
        Instant next = now.plus(backoff);
        // Do not wait past the deadline: the cancel that follows it should come on time.
        orders.postpone(id, owner, next.isAfter(deadline) && deadline.isAfter(now) ? deadline : next);
        log.warn("Order {}: payment unavailable (try {}), asking again after {} until {}", id, retries.attempts(),
                backoff, deadline);
    }

    private boolean renew(OrderId id, UUID owner) {
        Instant now = clock.instant();
        boolean held = orders.claim(id, owner, now, now.plus(properties.recovery().lease()));
        if (!held) {
            log.info("Order {} is driven by another driver or finished; this one stops", id);
        }
        return held;
    }

    private Order finish(Order finished, UUID owner) {
        tx.executeWithoutResult(status -> {
            if (!orders.finish(finished, owner)) {
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
