package com.example.shop.order.ordering;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The order aggregate. It is created PENDING from a cart and moves exactly once to CONFIRMED or REJECTED;
 * every transition method refuses to leave a final status, and {@link OrderRepository} repeats that check in
 * the database ({@code where status = 'PENDING'}) so concurrent drivers cannot both finish an order.
 *
 * <p>{@code pendingRejection} records a rejection that has been decided (the payment failed) but not yet
 * completed (the stock is not known to be released). A driver that picks the order up again finishes that
 * rejection instead of asking for a payment a second time.
 */
public final class Order {

    private final OrderId id;
    private final CustomerId customerId;
    private final String customerEmail;
    private final List<OrderLine> lines;
    private final ShippingAddress shippingAddress;
    private final String paymentToken;
    private final OrderStatus status;
    private final RejectionReason rejectionReason;
    private final RejectionReason pendingRejection;
    private final Instant createdAt;
    private final Instant updatedAt;
    private final Fulfilment fulfilment;
    private final Redemption redemption;

    /**
     * What happened to a confirmed order: its pending remote transition, its parcel, when it was delivered and
     * who cancelled it. Empty for an order still in checkout.
     */
    public record Fulfilment(PendingAction pendingAction, Actor pendingActionBy, Shipment shipment,
            Instant shippedAt, Instant deliveredAt, Actor cancelledBy, Instant cancelledAt) {

        public static final Fulfilment NONE = new Fulfilment(null, null, null, null, null, null, null);
    }

    private Order(OrderId id, CustomerId customerId, String customerEmail, List<OrderLine> lines,
            ShippingAddress shippingAddress, String paymentToken, OrderStatus status,
            RejectionReason rejectionReason, RejectionReason pendingRejection, Instant createdAt,
            Instant updatedAt, Fulfilment fulfilment, Redemption redemption) {
        this.id = Objects.requireNonNull(id, "id");
        this.customerId = Objects.requireNonNull(customerId, "customerId");
        this.customerEmail = customerEmail;
        this.lines = List.copyOf(lines);
        this.shippingAddress = Objects.requireNonNull(shippingAddress, "shippingAddress");
        this.paymentToken = paymentToken;
        this.status = Objects.requireNonNull(status, "status");
        this.rejectionReason = rejectionReason;
        this.pendingRejection = pendingRejection;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
        this.fulfilment = fulfilment == null ? Fulfilment.NONE : fulfilment;
        if (this.lines.isEmpty()) {
            throw new IllegalArgumentException("an order needs at least one line");
        }
        this.redemption = redemption == null
                ? Redemption.requested(0, this.lines.getFirst().unitPrice().currency()) : redemption;
        if (this.redemption.discount().amount().compareTo(total().amount()) > 0) {
            throw new IllegalArgumentException("a discount is at most the order's total");
        }
        if (this.lines.stream().map(line -> line.unitPrice().currency()).distinct().count() > 1) {
            throw new IllegalArgumentException("an order's lines must share one currency");
        }
        if ((status == OrderStatus.REJECTED) != (rejectionReason != null)) {
            throw new IllegalArgumentException("a rejection reason belongs to rejected orders only");
        }
        if (status == OrderStatus.PENDING && paymentToken == null) {
            throw new IllegalArgumentException("a pending order needs its payment token");
        }
        if ((status == OrderStatus.SHIPPED || status == OrderStatus.DELIVERED) && this.fulfilment.shipment() == null) {
            throw new IllegalArgumentException("a shipped order needs its shipment");
        }
    }

    /** A new PENDING order for the lines of a cart, redeeming no points. */
    public static Order place(OrderId id, CustomerId customerId, String customerEmail, List<OrderLine> lines,
            ShippingAddress shippingAddress, String paymentToken, Instant now) {
        return place(id, customerId, customerEmail, lines, shippingAddress, paymentToken, 0, now);
    }

    /** A new PENDING order for the lines of a cart, redeeming {@code pointsToRedeem} loyalty points (0: none). */
    public static Order place(OrderId id, CustomerId customerId, String customerEmail, List<OrderLine> lines,
            ShippingAddress shippingAddress, String paymentToken, long pointsToRedeem, Instant now) {
        String currency = lines.isEmpty() ? "EUR" : lines.getFirst().unitPrice().currency();
        return new Order(id, customerId, customerEmail, lines, shippingAddress,
                Objects.requireNonNull(paymentToken, "paymentToken"), OrderStatus.PENDING, null, null, now, now,
                Fulfilment.NONE, Redemption.requested(pointsToRedeem, currency));
    }

    /** Rebuilds an order in checkout from storage. */
    public static Order restore(OrderId id, CustomerId customerId, String customerEmail, List<OrderLine> lines,
            ShippingAddress shippingAddress, String paymentToken, OrderStatus status,
            RejectionReason rejectionReason, RejectionReason pendingRejection, Instant createdAt,
            Instant updatedAt) {
        return restore(id, customerId, customerEmail, lines, shippingAddress, paymentToken, status, rejectionReason,
                pendingRejection, createdAt, updatedAt, Fulfilment.NONE, null);
    }

    /** Rebuilds an order from storage. */
    public static Order restore(OrderId id, CustomerId customerId, String customerEmail, List<OrderLine> lines,
            ShippingAddress shippingAddress, String paymentToken, OrderStatus status,
            RejectionReason rejectionReason, RejectionReason pendingRejection, Instant createdAt,
            Instant updatedAt, Fulfilment fulfilment) {
        return restore(id, customerId, customerEmail, lines, shippingAddress, paymentToken, status, rejectionReason,
                pendingRejection, createdAt, updatedAt, fulfilment, null);
    }

    /** Rebuilds an order from storage, with the points it redeems (null: none). */
    public static Order restore(OrderId id, CustomerId customerId, String customerEmail, List<OrderLine> lines,
            ShippingAddress shippingAddress, String paymentToken, OrderStatus status,
            RejectionReason rejectionReason, RejectionReason pendingRejection, Instant createdAt,
            Instant updatedAt, Fulfilment fulfilment, Redemption redemption) {
        return new Order(id, customerId, customerEmail, lines, shippingAddress, paymentToken, status,
                rejectionReason, pendingRejection, createdAt, updatedAt, fulfilment, redemption);
    }

    private Order moveTo(OrderStatus target, RejectionReason reason, Fulfilment next, Instant now) {
        if (!status.canMoveTo(target)) {
            throw new IllegalTransitionException("order " + id, status, target);
        }
        return new Order(id, customerId, customerEmail, lines, shippingAddress, null, target, reason, null,
                createdAt, now, next, redemption);
    }

    /** Stock reserved and payment authorised. The payment token is no longer needed and is dropped. */
    public Order confirm(Instant now) {
        if (awaitsPointsHold()) {
            throw new IllegalStateException("order " + id + " cannot be confirmed before its points are held");
        }
        return moveTo(OrderStatus.CONFIRMED, null, Fulfilment.NONE, now);
    }

    /** The order cannot be placed; the caller has released any stock it reserved. */
    public Order reject(RejectionReason reason, Instant now) {
        Objects.requireNonNull(reason, "reason");
        return moveTo(OrderStatus.REJECTED, reason, Fulfilment.NONE, now);
    }

    /** Records that the order will be rejected once its stock is released. */
    public Order decideRejection(RejectionReason reason, Instant now) {
        if (status != OrderStatus.PENDING) {
            throw new IllegalTransitionException("order " + id, status, OrderStatus.REJECTED);
        }
        return new Order(id, customerId, customerEmail, lines, shippingAddress, paymentToken, status, null,
                Objects.requireNonNull(reason, "reason"), createdAt, now, fulfilment, redemption);
    }

    /**
     * loyalty-service holds {@code points} for the order, worth {@code worth}; they are the points redeemed (and
     * published in {@code order.confirmed.v1}). loyalty-service holds no more than the total needs; the discount is
     * still capped at the total, should an older loyalty-service answer more.
     */
    public Order pointsHeld(long points, Money worth, Instant now) {
        if (status != OrderStatus.PENDING || !redemption.wanted()) {
            throw new IllegalStateException("order " + id + " holds no points now");
        }
        return new Order(id, customerId, customerEmail, lines, shippingAddress, paymentToken, status, null,
                pendingRejection, createdAt, now, fulfilment,
                new Redemption(redemption.pointsRequested(), true, points, worth.min(total())));
    }

    /** The parcel has its label and the payment is captured. */
    public Order ship(Shipment shipment, Instant now) {
        Objects.requireNonNull(shipment, "shipment");
        return moveTo(OrderStatus.SHIPPED, null,
                new Fulfilment(null, null, shipment, now, null, null, null), now);
    }

    /** The payment authorisation is voided; the stock goes back (catalog-service does it on the event). */
    public Order cancel(Actor by, Instant now) {
        Objects.requireNonNull(by, "by");
        return moveTo(OrderStatus.CANCELLED, null, new Fulfilment(null, null, null, null, null, by, now), now);
    }

    /** The carrier (or an admin) reported the parcel delivered. */
    public Order deliver(Instant now) {
        return moveTo(OrderStatus.DELIVERED, null, new Fulfilment(null, null, fulfilment.shipment(),
                fulfilment.shippedAt(), now, null, null), now);
    }

    /** Every unit of every line has been returned and refunded. */
    public Order markReturned(Instant now) {
        return moveTo(OrderStatus.RETURNED, null, new Fulfilment(null, null, fulfilment.shipment(),
                fulfilment.shippedAt(), fulfilment.deliveredAt(), null, null), now);
    }

    /**
     * Whether {@code action} may be asked for now: SHIP and CANCEL only for a CONFIRMED order with no other
     * intent pending (the first intent recorded wins), REFUND only for a DELIVERED order.
     */
    public boolean allows(PendingAction action) {
        return switch (action) {
            case SHIP -> status == OrderStatus.CONFIRMED
                    && (fulfilment.pendingAction() == null || fulfilment.pendingAction() == PendingAction.SHIP);
            case CANCEL -> status == OrderStatus.CONFIRMED
                    && (fulfilment.pendingAction() == null || fulfilment.pendingAction() == PendingAction.CANCEL);
            case REFUND -> status == OrderStatus.DELIVERED;
        };
    }

    /** Units of the line with this number (1-based, in the order's line order); 0 when there is none. */
    public int quantityOfLine(int lineNo) {
        return lineNo >= 1 && lineNo <= lines.size() ? lines.get(lineNo - 1).quantity() : 0;
    }

    public int totalUnits() {
        return lines.stream().mapToInt(OrderLine::quantity).sum();
    }

    public Money total() {
        return lines.stream().map(OrderLine::lineTotal).reduce(Money::plus).orElseThrow();
    }

    public Redemption redemption() {
        return redemption;
    }

    /** What redeemed points take off the total (zero when none). */
    public Money discount() {
        return redemption.discount();
    }

    /** What the customer pays: the total less the discount; the amount authorised and captured. */
    public Money amountDue() {
        return total().minus(redemption.discount());
    }

    /** Whether loyalty-service still has to be asked to hold the order's points before it can be paid. */
    public boolean awaitsPointsHold() {
        return redemption.wanted() && !redemption.held();
    }

    public Fulfilment fulfilment() {
        return fulfilment;
    }

    public Optional<PendingAction> pendingAction() {
        return Optional.ofNullable(fulfilment.pendingAction());
    }

    public Optional<Shipment> shipment() {
        return Optional.ofNullable(fulfilment.shipment());
    }
    public OrderId id() {
        return id;
    }

    public CustomerId customerId() {
        return customerId;
    }

    public String customerEmail() {
        return customerEmail;
    }

    public List<OrderLine> lines() {
        return lines;
    }

    public ShippingAddress shippingAddress() {
        return shippingAddress;
    }

    public String paymentToken() {
        return paymentToken;
    }

    public OrderStatus status() {
        return status;
    }

    public Optional<RejectionReason> rejectionReason() {
        return Optional.ofNullable(rejectionReason);
    }

    public Optional<RejectionReason> pendingRejection() {
        return Optional.ofNullable(pendingRejection);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
