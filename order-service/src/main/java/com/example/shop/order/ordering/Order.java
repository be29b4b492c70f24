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

    private Order(OrderId id, CustomerId customerId, String customerEmail, List<OrderLine> lines,
            ShippingAddress shippingAddress, String paymentToken, OrderStatus status,
            RejectionReason rejectionReason, RejectionReason pendingRejection, Instant createdAt,
            Instant updatedAt) {
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
        if (this.lines.isEmpty()) {
            throw new IllegalArgumentException("an order needs at least one line");
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
    }

    /** A new PENDING order for the lines of a cart. */
    public static Order place(OrderId id, CustomerId customerId, String customerEmail, List<OrderLine> lines,
            ShippingAddress shippingAddress, String paymentToken, Instant now) {
        return new Order(id, customerId, customerEmail, lines, shippingAddress,
                Objects.requireNonNull(paymentToken, "paymentToken"), OrderStatus.PENDING, null, null, now, now);
    }

    /** Rebuilds an order from storage. */
    public static Order restore(OrderId id, CustomerId customerId, String customerEmail, List<OrderLine> lines,
            ShippingAddress shippingAddress, String paymentToken, OrderStatus status,
            RejectionReason rejectionReason, RejectionReason pendingRejection, Instant createdAt,
            Instant updatedAt) {
        return new Order(id, customerId, customerEmail, lines, shippingAddress, paymentToken, status,
                rejectionReason, pendingRejection, createdAt, updatedAt);
    }

    /** Stock reserved and payment authorised. The payment token is no longer needed and is dropped. */
    public Order confirm(Instant now) {
        requirePending("confirm");
        return new Order(id, customerId, customerEmail, lines, shippingAddress, null, OrderStatus.CONFIRMED,
                null, null, createdAt, now);
    }

    /** The order cannot be placed; the caller has released any stock it reserved. */
    public Order reject(RejectionReason reason, Instant now) {
        requirePending("reject");
        Objects.requireNonNull(reason, "reason");
        return new Order(id, customerId, customerEmail, lines, shippingAddress, null, OrderStatus.REJECTED,
                reason, null, createdAt, now);
    }

    /** Records that the order will be rejected once its stock is released. */
    public Order decideRejection(RejectionReason reason, Instant now) {
        requirePending("decide the rejection of");
        return new Order(id, customerId, customerEmail, lines, shippingAddress, paymentToken, status, null,
                Objects.requireNonNull(reason, "reason"), createdAt, now);
    }

    private void requirePending(String action) {
        if (status != OrderStatus.PENDING) {
            throw new IllegalStateException("cannot " + action + " order " + id + ": it is " + status);
        }
    }

    public Money total() {
        return lines.stream().map(OrderLine::lineTotal).reduce(Money::plus).orElseThrow();
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
