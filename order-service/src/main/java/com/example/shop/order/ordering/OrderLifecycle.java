package com.example.shop.order.ordering;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.example.shop.contracts.order.OrderEvents;
import com.example.shop.platform.messaging.Outbox;

/**
 * The order's life after checkout: ship, cancel, deliver, returns and refunds.
 *
 * <p>Every transition is one transaction that locks the order's row, checks the move against the state
 * machine ({@link OrderStatus}, {@link ReturnStatus}), writes the new state, appends to the status history and
 * publishes the transition's event through the outbox. A transition that needs remote steps is recorded first
 * as an intent ({@link PendingAction} on the order; a return's refund marked requested), then driven under the
 * order's lease, the same lease checkout uses; the recovery job finishes intents whose lease ran out (a driver
 * died, a dependency was down). Every remote step is idempotent per order id (a refund per return id), so
 * driving again after a crash repeats no effect.
 *
 * <p>A 4xx from a dependency is a refusal that asking again will not change (capture or void answered 409,
 * the carrier cannot serve the address, a refund above what was captured): the intent is given up, the order
 * keeps its status, and the history records the problem (cause {@code SHIP_FAILED}, {@code CANCEL_FAILED},
 * {@code REFUND_FAILED}); an admin may ask again.
 */
@Service
public class OrderLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OrderLifecycle.class);

    /** catalog-service's own default for a variant it was not told the weight of. */
    static final int DEFAULT_WEIGHT_GRAMS = 500;

    private final OrderRepository orders;
    private final ReturnRepository returns;
    private final Variants variants;
    private final Shipping shipping;
    private final Payments payments;
    private final Outbox outbox;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final OrderProperties properties;
    private final ReturnProperties returnProperties;

    OrderLifecycle(OrderRepository orders, ReturnRepository returns, Variants variants, Shipping shipping,
            Payments payments, Outbox outbox, PlatformTransactionManager txManager, Clock clock,
            OrderProperties properties, ReturnProperties returnProperties) {
        this.orders = orders;
        this.returns = returns;
        this.variants = variants;
        this.shipping = shipping;
        this.payments = payments;
        this.outbox = outbox;
        this.tx = new TransactionTemplate(txManager);
        this.clock = clock;
        this.properties = properties;
        this.returnProperties = returnProperties;
    }

    /** The order after a request, and whether the transition asked for is done (else still being driven). */
    public record Result(Order order, boolean done) {
    }

    /** What one drive left: the order, and the refusal that ended an intent during it (null when none). */
    public record Drive(Order order, String problem) {
    }

    /** One returned quantity as the customer asks for it. */
    public record ReturnRequest(int lineNo, int quantity) {
    }

    // ---- reading ------------------------------------------------------------------------------------------

    public Optional<OrderDetails> details(OrderId id) {
        return orders.findById(id).map(this::details);
    }

    /** The customer's order with its details; empty when it does not exist or is someone else's. */
    public Optional<OrderDetails> details(OrderId id, CustomerId customer) {
        return orders.findByIdAndCustomer(id, customer).map(this::details);
    }

    public OrderDetails details(Order order) {
        return new OrderDetails(order, orders.history(order.id()), returns.ofOrder(order.id()),
                orders.tracking(order.id()), orders.actionProblem(order.id()).orElse(null));
    }

    // ---- requests -----------------------------------------------------------------------------------------

    /** Admin: CONFIRMED -> SHIPPED (label, capture). Repeating it on a shipped order changes nothing. */
    public Result ship(OrderId id) {
        UUID driver = UUID.randomUUID();
        Order done = inTx(() -> {
            Order order = lock(id, null).order();
            if (order.status() == OrderStatus.SHIPPED || order.status() == OrderStatus.DELIVERED
                    || order.status() == OrderStatus.RETURNED) {
                return order;
            }
            if (!order.allows(PendingAction.SHIP)) {
                throw conflict(order, "shipped");
            }
            if (order.pendingAction().isEmpty()) {
                record(order, PendingAction.SHIP, Actor.ADMIN, driver);
            }
            return null;
        });
        if (done != null) {
            return new Result(done, true);
        }
        Drive drive = drive(id, driver);
        failIfRefused(drive);
        return new Result(drive.order(), drive.order().status() != OrderStatus.CONFIRMED);
    }

    /**
     * Customer or admin: CONFIRMED -> CANCELLED (void the payment). {@code customer} is the caller when a
     * customer asks (the order must be theirs), null for an admin.
     */
    public Result cancel(OrderId id, Actor by, CustomerId customer) {
        UUID driver = UUID.randomUUID();
        Order done = inTx(() -> {
            Order order = lock(id, customer).order();
            if (order.status() == OrderStatus.CANCELLED) {
                return order;
            }
            if (!order.allows(PendingAction.CANCEL)) {
                throw conflict(order, "cancelled");
            }
            if (order.pendingAction().isEmpty()) {
                record(order, PendingAction.CANCEL, by, driver);
            }
            return null;
        });
        if (done != null) {
            return new Result(done, true);
        }
        Drive drive = drive(id, driver);
        failIfRefused(drive);
        return new Result(drive.order(), drive.order().status() == OrderStatus.CANCELLED);
    }

    /** Admin: SHIPPED -> DELIVERED. Repeating it on a delivered order changes nothing. */
    public Result deliver(OrderId id) {
        return new Result(inTx(() -> {
            OrderRepository.Locked locked = lock(id, null);
            Order order = locked.order();
            return switch (order.status()) {
                case DELIVERED, RETURNED -> order;
                case SHIPPED -> applyDelivery(order, Actor.ADMIN, clock.instant());
                default -> throw conflict(order, "delivered");
            };
        }), true);
    }

    /**
     * The carrier reported the parcel delivered ({@code shipment.delivered.v1}). Runs in the caller's (the
     * inbox's) transaction. A report about a SHIPPED order delivers it; about a delivered one is ignored; one
     * that arrives before the shipment is recorded (the label is bought, the capture not yet done) is kept
     * and applied as soon as the order is SHIPPED.
     */
    public void deliveryReported(OrderId id, Instant deliveredAt) {
        Instant at = deliveredAt == null ? clock.instant() : deliveredAt;
        inTx(() -> {
            Optional<OrderRepository.Locked> locked = orders.lock(id);
            if (locked.isEmpty()) {
                log.warn("Delivery reported for unknown order {}; ignored", id);
                return null;
            }
            Order order = locked.get().order();
            switch (order.status()) {
                case SHIPPED -> applyDelivery(order, Actor.CARRIER, at);
                case CONFIRMED, PENDING -> {
                    orders.recordDeliveryReported(id, at);
                    orders.appendHistory(id, new StatusChange(order.status(), order.status(), clock.instant(),
                            Actor.CARRIER, "DELIVERY_REPORTED_EARLY", "applied once the order is shipped"));
                }
                default -> log.info("Delivery reported for order {} which is {}; nothing to do", id, order.status());
            }
            return null;
        });
    }

    /** A tracking event of the order's parcel ({@code shipment.tracking_updated.v1}). */
    public void trackingUpdated(OrderId id, TrackingEvent event) {
        inTx(() -> {
            orders.appendTracking(id, event);
            return null;
        });
    }

    /**
     * Customer: asks to return units of lines of a DELIVERED order, within the return window after delivery,
     * at most the units of each line not returned yet.
     *
     * @throws LifecycleException.Invalid when the window is over or a line or quantity does not fit
     * @throws LifecycleException.Conflict when the order is not DELIVERED
     */
    public Result requestReturn(OrderId id, CustomerId customer, List<ReturnRequest> lines, String reason) {
        return new Result(inTx(() -> {
            Order order = lock(id, customer).order();
            if (order.status() != OrderStatus.DELIVERED) {
                throw new LifecycleException.Conflict("Only a delivered order can be returned; this one is "
                        + order.status() + ".");
            }
            Instant now = clock.instant();
            Instant deadline = order.fulfilment().deliveredAt().plus(returnProperties.returnWindow());
            if (now.isAfter(deadline)) {
                throw new LifecycleException.Invalid("The return window ended at " + deadline + ".");
            }
            List<OrderReturn.Line> wanted = validate(order, lines);
            OrderReturn ret = OrderReturn.request(id, wanted, reason, now);
            returns.insert(ret);
            orders.appendHistory(id, new StatusChange(order.status(), order.status(), now, Actor.CUSTOMER,
                    "RETURN_REQUESTED", "return " + ret.id()));
            outbox.publish(OrderEvents.TOPIC, id.toString(), OrderEvents.ORDER_RETURN_REQUESTED,
                    OrderEventsTranslator.returnRequested(order, ret));
            return orders.findById(id).orElseThrow();
        }), true);
    }

    private List<OrderReturn.Line> validate(Order order, List<ReturnRequest> lines) {
        if (lines == null || lines.isEmpty()) {
            throw new LifecycleException.Invalid("A return needs at least one line.");
        }
        Map<Integer, Integer> returned = new HashMap<>();
        returns.ofOrder(order.id()).forEach(ret -> ret.lines()
                .forEach(line -> returned.merge(line.lineNo(), line.quantity(), Integer::sum)));
        Set<Integer> seen = new HashSet<>();
        return lines.stream().map(line -> {
            if (!seen.add(line.lineNo())) {
                throw new LifecycleException.Invalid("Line " + line.lineNo() + " appears twice.");
            }
            int ordered = order.quantityOfLine(line.lineNo());
            if (ordered == 0) {
                throw new LifecycleException.Invalid("The order has no line " + line.lineNo() + ".");
            }
            int left = ordered - returned.getOrDefault(line.lineNo(), 0);
            if (line.quantity() < 1 || line.quantity() > left) {
                throw new LifecycleException.Invalid("Line " + line.lineNo() + " has " + left
                        + " units left to return; asked for " + line.quantity() + ".");
            }
            return new OrderReturn.Line(line.lineNo(), line.quantity());
        }).toList();
    }

    /** Admin: REQUESTED -> RECEIVED; {@code restock} puts the units back on hand (catalog-service, on the event). */
    public Result receiveReturn(OrderId id, ReturnId returnId, boolean restock) {
        return new Result(inTx(() -> {
            Order order = lock(id, null).order();
            OrderReturn ret = findReturn(id, returnId);
            if (ret.status() != ReturnStatus.REQUESTED) {
                return order;
            }
            Instant now = clock.instant();
            OrderReturn received = ret.receive(restock, now);
            returns.update(received);
            orders.appendHistory(id, new StatusChange(order.status(), order.status(), now, Actor.ADMIN,
                    "RETURN_RECEIVED", "return " + returnId + (restock ? ", restocked" : ", not restocked")));
            outbox.publish(OrderEvents.TOPIC, id.toString(), OrderEvents.ORDER_RETURN_RECEIVED,
                    OrderEventsTranslator.returnReceived(order, received));
            return orders.findById(id).orElseThrow();
        }), true);
    }

    /** Admin: RECEIVED -> REFUNDED (refund of the returned units' share of the amount paid). */
    public Result refund(OrderId id, ReturnId returnId) {
        UUID driver = UUID.randomUUID();
        Order done = inTx(() -> {
            Order order = lock(id, null).order();
            OrderReturn ret = findReturn(id, returnId);
            if (ret.status() == ReturnStatus.REFUNDED) {
                return order;
            }
            if (ret.status() != ReturnStatus.RECEIVED) {
                throw new LifecycleException.Conflict("Return " + returnId + " is " + ret.status()
                        + "; it is refunded once it has been received.");
            }
            if (!ret.refundRequested()) {
                Instant now = clock.instant();
                returns.update(ret.requestRefund(now));
                orders.recordIntent(id, PendingAction.REFUND, Actor.ADMIN, driver, now,
                        now.plus(properties.recovery().lease()));
                orders.appendHistory(id, new StatusChange(order.status(), order.status(), now, Actor.ADMIN,
                        "REFUND_REQUESTED", "return " + returnId));
            }
            return null;
        });
        if (done != null) {
            return new Result(done, true);
        }
        Drive drive = drive(id, driver);
        OrderReturn ret = findReturn(id, returnId);
        if (ret.status() != ReturnStatus.REFUNDED && !ret.refundRequested() && drive.problem() != null) {
            throw new LifecycleException.Failed(drive.problem());
        }
        return new Result(drive.order(), ret.status() == ReturnStatus.REFUNDED);
    }

    // ---- driving intents ----------------------------------------------------------------------------------

    /**
     * Drives the order's pending action as far as the other services allow now, if {@code owner} holds (or can
     * claim) the order's lease. Used by the request thread right after recording the intent, and by the
     * recovery job for intents whose lease ran out.
     */
    public Drive drive(OrderId id, UUID owner) {
        Order order = orders.findById(id).orElseThrow(() -> new IllegalArgumentException("no order " + id));
        PendingAction action = order.pendingAction().orElse(null);
        if (action == null || !renew(id, owner)) {
            return new Drive(order, null);
        }
        try {
            return switch (action) {
                case SHIP -> driveShip(order, owner);
                case CANCEL -> driveCancel(order, owner);
                case REFUND -> driveRefunds(order, owner);
            };
        }
        catch (DependencyRefusedException ex) {
            return new Drive(giveUp(id, action, owner, ex.getMessage()), ex.getMessage());
        }
        catch (DependencyUnavailableException ex) {
            log.warn("Order {}: {} not finished for now: {}", id, action, ex.getMessage());
            orders.postponeAction(id, owner, clock.instant().plus(properties.recovery().staleAfter()));
            return new Drive(orders.findById(id).orElseThrow(), null);
        }
    }

    private Drive driveShip(Order order, UUID owner) {
        Map<UUID, Integer> weights = variants.weightsInGrams(
                order.lines().stream().map(OrderLine::productId).toList());
        int grams = order.lines().stream()
                .mapToInt(line -> line.quantity() * weights.getOrDefault(line.productId(), DEFAULT_WEIGHT_GRAMS))
                .sum();
        if (!renew(order.id(), owner)) {
            return stopped(order.id());
        }
        Shipment shipment = shipping.ship(order.id(), order.customerId(), grams, order.shippingAddress());
        if (order.amountDue().amount().signum() > 0) {
            // Nothing due (a free order, or points that covered it) means no payment to capture: payment-service
            // never authorised a zero amount.
            if (!renew(order.id(), owner)) {
                return stopped(order.id());
            }
            payments.capture(order.id());
        }
        return new Drive(inTx(() -> {
            OrderRepository.Locked locked = orders.lock(order.id()).orElseThrow();
            Order current = locked.order();
            if (!isMine(locked, PendingAction.SHIP, owner)) {
                return current;
            }
            Instant now = clock.instant();
            Order shipped = current.ship(shipment, now);
            orders.save(shipped, new StatusChange(OrderStatus.CONFIRMED, OrderStatus.SHIPPED, now,
                    by(current), "SHIPPED", shipment.carrier() + " " + shipment.trackingNumber()), true);
            outbox.publish(OrderEvents.TOPIC, order.id().toString(), OrderEvents.ORDER_SHIPPED,
                    OrderEventsTranslator.shipped(shipped));
            if (locked.deliveryReportedAt() != null) {
                return applyDelivery(shipped, Actor.CARRIER, locked.deliveryReportedAt());
            }
            return orders.findById(order.id()).orElseThrow();
        }), null);
    }

    private Drive driveCancel(Order order, UUID owner) {
        payments.cancel(order.id());
        return new Drive(inTx(() -> {
            OrderRepository.Locked locked = orders.lock(order.id()).orElseThrow();
            Order current = locked.order();
            if (!isMine(locked, PendingAction.CANCEL, owner)) {
                return current;
            }
            Instant now = clock.instant();
            Actor by = by(current);
            Order cancelled = current.cancel(by, now);
            orders.save(cancelled, new StatusChange(OrderStatus.CONFIRMED, OrderStatus.CANCELLED, now, by,
                    "CANCELLED", null), true);
            outbox.publish(OrderEvents.TOPIC, order.id().toString(), OrderEvents.ORDER_CANCELLED,
                    OrderEventsTranslator.cancelled(cancelled));
            return orders.findById(order.id()).orElseThrow();
        }), null);
    }

    /** Refunds every return whose refund was asked for, until none is left; then ends the REFUND intent. */
    private Drive driveRefunds(Order order, UUID owner) {
        String problem = null;
        // Bounded: a return asked for while this runs is picked up in the next round or by the recovery job.
        for (int round = 0; round < 10; round++) {
            List<OrderReturn> requested = returns.ofOrder(order.id()).stream()
                    .filter(OrderReturn::refundRequested).toList();
            if (requested.isEmpty()) {
                Order finished = inTx(() -> {
                    OrderRepository.Locked locked = orders.lock(order.id()).orElseThrow();
                    boolean stillRequested = returns.ofOrder(order.id()).stream()
                            .anyMatch(OrderReturn::refundRequested);
                    if (!stillRequested && locked.order().pendingAction().orElse(null) == PendingAction.REFUND) {
                        orders.clearIntent(order.id(), null);
                    }
                    return stillRequested ? null : orders.findById(order.id()).orElseThrow();
                });
                if (finished != null) {
                    return new Drive(finished, problem);
                }
                continue;
            }
            for (OrderReturn ret : requested) {
                if (!renew(order.id(), owner)) {
                    return new Drive(stopped(order.id()).order(), problem);
                }
                Money amount = fixRefundDue(order.id(), ret.id());
                try {
                    Money total = amount.amount().signum() > 0
                            ? payments.refund(order.id(), ret.id(), amount, ret.reason() == null ? "return" : ret.reason())
                            : null;
                    finishRefund(order.id(), ret.id(), amount, total);
                }
                catch (DependencyRefusedException ex) {
                    problem = ex.getMessage();
                    refundGivenUp(order.id(), ret.id(), problem);
                }
            }
        }
        orders.postponeAction(order.id(), owner, clock.instant().plus(properties.recovery().staleAfter()));
        return new Drive(orders.findById(order.id()).orElseThrow(), problem);
    }

    /** Fixes (once) and returns what the return's refund pays back; see {@link OrderReturn#refundDue}. */
    private Money fixRefundDue(OrderId id, ReturnId returnId) {
        return inTx(() -> {
            Order order = orders.lock(id).orElseThrow().order();
            List<OrderReturn> all = returns.ofOrder(id);
            OrderReturn ret = all.stream().filter(r -> r.id().equals(returnId)).findFirst().orElseThrow();
            if (ret.refundDue() != null) {
                return ret.refundDue();
            }
            Money due = ret.refundDue(order, all);
            returns.update(ret.withRefundDue(due));
            return due;
        });
    }

    private void finishRefund(OrderId id, ReturnId returnId, Money amount, Money totalRefunded) {
        inTx(() -> {
            Order order = orders.lock(id).orElseThrow().order();
            OrderReturn ret = findReturn(id, returnId);
            if (!ret.refundRequested()) {
                // Another driver recorded it first (both asked payment-service with the same refund id).
                return null;
            }
            Instant now = clock.instant();
            OrderReturn refunded = ret.refund(amount, now);
            returns.update(refunded);
            List<OrderReturn> all = returns.ofOrder(id);
            Money total = totalRefunded != null ? totalRefunded
                    : all.stream().filter(r -> r.refunded() != null).map(OrderReturn::refunded)
                            .reduce(Money::plus).orElse(amount);
            orders.appendHistory(id, new StatusChange(order.status(), order.status(), now, Actor.ADMIN, "REFUNDED",
                    "return " + returnId + ": " + amount.amount().toPlainString() + " " + amount.currency()));
            outbox.publish(OrderEvents.TOPIC, id.toString(), OrderEvents.ORDER_REFUNDED,
                    OrderEventsTranslator.refunded(order, refunded, total));
            int refundedUnits = all.stream().filter(r -> r.status() == ReturnStatus.REFUNDED)
                    .mapToInt(OrderReturn::units).sum();
            boolean open = all.stream().anyMatch(r -> r.status() != ReturnStatus.REFUNDED);
            if (order.status() == OrderStatus.DELIVERED && !open && refundedUnits == order.totalUnits()) {
                Order returned = order.markReturned(now);
                orders.save(returned, new StatusChange(OrderStatus.DELIVERED, OrderStatus.RETURNED, now,
                        Actor.SYSTEM, "RETURNED", "every unit returned and refunded"), true);
                // After the last order.refunded.v1, in the same transaction (the outbox keeps their order).
                outbox.publish(OrderEvents.TOPIC, id.toString(), OrderEvents.ORDER_RETURNED,
                        OrderEventsTranslator.returned(returned, total));
            }
            return null;
        });
    }

    private void refundGivenUp(OrderId id, ReturnId returnId, String problem) {
        log.error("Order {}: refund of return {} refused: {}", id, returnId, problem);
        inTx(() -> {
            Order order = orders.lock(id).orElseThrow().order();
            OrderReturn ret = findReturn(id, returnId);
            if (ret.refundRequested()) {
                returns.update(ret.refundGivenUp());
                orders.appendHistory(id, new StatusChange(order.status(), order.status(), clock.instant(),
                        Actor.SYSTEM, "REFUND_FAILED", "return " + returnId + ": " + problem));
            }
            return null;
        });
    }

    private Order giveUp(OrderId id, PendingAction action, UUID owner, String problem) {
        log.error("Order {}: {} refused, given up: {}", id, action, problem);
        return inTx(() -> {
            OrderRepository.Locked locked = orders.lock(id).orElseThrow();
            Order order = locked.order();
            if (isMine(locked, action, owner)) {
                orders.clearIntent(id, action + " failed: " + problem);
                orders.appendHistory(id, new StatusChange(order.status(), order.status(), clock.instant(),
                        Actor.SYSTEM, action + "_FAILED", problem));
            }
            return orders.findById(id).orElseThrow();
        });
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private Order applyDelivery(Order shipped, Actor by, Instant at) {
        Order delivered = shipped.deliver(at);
        orders.save(delivered, new StatusChange(OrderStatus.SHIPPED, OrderStatus.DELIVERED, clock.instant(), by,
                "DELIVERED", shipped.shipment().map(Shipment::trackingNumber).orElse(null)), false);
        outbox.publish(OrderEvents.TOPIC, shipped.id().toString(), OrderEvents.ORDER_DELIVERED,
                OrderEventsTranslator.delivered(delivered));
        return orders.findById(shipped.id()).orElseThrow();
    }

    private void record(Order order, PendingAction action, Actor by, UUID driver) {
        Instant now = clock.instant();
        orders.recordIntent(order.id(), action, by, driver, now, now.plus(properties.recovery().lease()));
        orders.appendHistory(order.id(), new StatusChange(order.status(), order.status(), now, by,
                action + "_REQUESTED", null));
    }

    private static boolean isMine(OrderRepository.Locked locked, PendingAction action, UUID owner) {
        return locked.order().pendingAction().orElse(null) == action && owner.equals(locked.leaseOwner());
    }

    private static Actor by(Order order) {
        return Objects.requireNonNullElse(order.fulfilment().pendingActionBy(), Actor.SYSTEM);
    }

    private OrderRepository.Locked lock(OrderId id, CustomerId customer) {
        return orders.lock(id)
                .filter(locked -> customer == null || locked.order().customerId().equals(customer))
                .orElseThrow(() -> new LifecycleException.NotFound("No such order."));
    }

    private OrderReturn findReturn(OrderId id, ReturnId returnId) {
        return returns.find(id, returnId).orElseThrow(() -> new LifecycleException.NotFound("No such return."));
    }

    private static LifecycleException.Conflict conflict(Order order, String wanted) {
        String pending = order.pendingAction().map(action -> " (" + action + " in progress)").orElse("");
        return new LifecycleException.Conflict("The order is " + order.status() + pending + "; it cannot be "
                + wanted + " now.");
    }

    private static void failIfRefused(Drive drive) {
        if (drive.problem() != null) {
            throw new LifecycleException.Failed(drive.problem());
        }
    }

    private boolean renew(OrderId id, UUID owner) {
        Instant now = clock.instant();
        boolean held = orders.claimAction(id, owner, now, now.plus(properties.recovery().lease()));
        if (!held) {
            log.info("Order {} is driven by another driver or has nothing pending; this one stops", id);
        }
        return held;
    }

    private Drive stopped(OrderId id) {
        return new Drive(orders.findById(id).orElseThrow(), null);
    }

    private <T> T inTx(Supplier<T> work) {
        return tx.execute(status -> work.get());
    }
}
