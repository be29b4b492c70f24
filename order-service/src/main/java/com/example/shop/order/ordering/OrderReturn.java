package com.example.shop.order.ordering;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Lines of a delivered order that the customer sends back, with their own state machine
 * ({@link ReturnStatus}): REQUESTED -> RECEIVED -> REFUNDED. Each transition method refuses an illegal move.
 *
 * @param refundRequestedAt when an admin asked for the refund; the refund is then driven (and finished by the
 *     recovery job) until the return is REFUNDED or payment-service refused it
 * @param refunded what was paid back, once REFUNDED
 * @param refundDue what the refund pays back, fixed when it is first asked of payment-service (see
 *     {@link #refundDue(Order, List)}); null before that, and again after a refused refund
 */
public record OrderReturn(ReturnId id, OrderId orderId, ReturnStatus status, List<Line> lines, String reason,
        Boolean restocked, Instant requestedAt, Instant receivedAt, Instant refundRequestedAt, Instant refundedAt,
        Money refunded, Money refundDue) {

    /** Units of one order line ({@code lineNo} is 1-based) in this return. */
    public record Line(int lineNo, int quantity) {

        public Line {
            if (lineNo < 1 || quantity < 1) {
                throw new IllegalArgumentException("a return line needs a line number and a positive quantity");
            }
        }
    }

    public OrderReturn {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(status, "status");
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("a return needs at least one line");
        }
    }

    public static OrderReturn request(OrderId orderId, List<Line> lines, String reason, Instant now) {
        return new OrderReturn(ReturnId.newId(), orderId, ReturnStatus.REQUESTED, lines, reason, null, now, null,
                null, null, null, null);
    }

    /** The goods arrived; {@code restock} says whether they go back into stock on hand. */
    public OrderReturn receive(boolean restock, Instant now) {
        require(ReturnStatus.RECEIVED);
        return new OrderReturn(id, orderId, ReturnStatus.RECEIVED, lines, reason, restock, requestedAt, now, null,
                null, null, null);
    }

    /** An admin asked for the refund; it is driven until paid or refused. */
    public OrderReturn requestRefund(Instant now) {
        if (status != ReturnStatus.RECEIVED) {
            throw new IllegalTransitionException("return " + id, status, ReturnStatus.REFUNDED);
        }
        return new OrderReturn(id, orderId, status, lines, reason, restocked, requestedAt, receivedAt,
                refundRequestedAt == null ? now : refundRequestedAt, null, null, refundDue);
    }

    /** payment-service refused the refund: it is no longer driven; an admin may ask again. */
    public OrderReturn refundGivenUp() {
        return new OrderReturn(id, orderId, status, lines, reason, restocked, requestedAt, receivedAt, null, null,
                null, null);
    }

    public boolean refundRequested() {
        return status == ReturnStatus.RECEIVED && refundRequestedAt != null;
    }

    /** The value of the returned units was paid back. */
    public OrderReturn refund(Money amount, Instant now) {
        require(ReturnStatus.REFUNDED);
        return new OrderReturn(id, orderId, ReturnStatus.REFUNDED, lines, reason, restocked, requestedAt, receivedAt,
                refundRequestedAt, now, Objects.requireNonNull(amount, "amount"), refundDue);
    }

    /** The refund's amount, fixed before it is asked of payment-service. */
    public OrderReturn withRefundDue(Money amount) {
        return new OrderReturn(id, orderId, status, lines, reason, restocked, requestedAt, receivedAt,
                refundRequestedAt, refundedAt, refunded, Objects.requireNonNull(amount, "amount"));
    }

    /**
     * What this return's refund pays back, of money paid: its units' share of the order's amount due,
     * {@code value × amountDue / total} rounded half-even to the cent, never more than what is left of the
     * amount due. The return that completes the order (every unit returned, every other return refunded) gets
     * exactly what is left, so the refunds add up to the amount due. Once fixed ({@link #refundDue()}), it stays.
     *
     * @param all the order's returns, this one among them
     */
    public Money refundDue(Order order, List<OrderReturn> all) {
        if (refundDue != null) {
            return refundDue;
        }
        Money due = order.amountDue();
        Money zero = Money.zero(due.currency());
        List<OrderReturn> others = all.stream().filter(other -> !other.id().equals(id)).toList();
        Money paidOrPromised = others.stream()
                .map(other -> other.refunded() != null ? other.refunded() : other.refundDue())
                .filter(Objects::nonNull)
                .reduce(zero, Money::plus);
        Money left = due.minus(paidOrPromised);
        if (left.amount().signum() <= 0) {
            return zero;
        }
        int returnedUnits = units() + others.stream().mapToInt(OrderReturn::units).sum();
        boolean completes = returnedUnits == order.totalUnits()
                && others.stream().allMatch(other -> other.status() == ReturnStatus.REFUNDED);
        return completes ? left : due.share(value(order), order.total()).min(left);
    }

    /** What the returned units were worth at the price in the order (before any discount). */
    public Money value(Order order) {
        return lines.stream()
                .map(line -> order.lines().get(line.lineNo() - 1).unitPrice().times(line.quantity()))
                .reduce(Money::plus).orElseThrow();
    }

    public int units() {
        return lines.stream().mapToInt(Line::quantity).sum();
    }

    private void require(ReturnStatus target) {
        if (!status.canMoveTo(target)) {
            throw new IllegalTransitionException("return " + id, status, target);
        }
    }
}
