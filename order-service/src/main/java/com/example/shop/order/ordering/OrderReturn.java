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
 */
public record OrderReturn(ReturnId id, OrderId orderId, ReturnStatus status, List<Line> lines, String reason,
        Boolean restocked, Instant requestedAt, Instant receivedAt, Instant refundRequestedAt, Instant refundedAt,
        Money refunded) {

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
                null, null, null);
    }

    /** The goods arrived; {@code restock} says whether they go back into stock on hand. */
    public OrderReturn receive(boolean restock, Instant now) {
        require(ReturnStatus.RECEIVED);
        return new OrderReturn(id, orderId, ReturnStatus.RECEIVED, lines, reason, restock, requestedAt, now, null,
                null, null);
    }

    /** An admin asked for the refund; it is driven until paid or refused. */
    public OrderReturn requestRefund(Instant now) {
        if (status != ReturnStatus.RECEIVED) {
            throw new IllegalTransitionException("return " + id, status, ReturnStatus.REFUNDED);
        }
        return new OrderReturn(id, orderId, status, lines, reason, restocked, requestedAt, receivedAt,
                refundRequestedAt == null ? now : refundRequestedAt, null, null);
    }

    /** payment-service refused the refund: it is no longer driven; an admin may ask again. */
    public OrderReturn refundGivenUp() {
        return new OrderReturn(id, orderId, status, lines, reason, restocked, requestedAt, receivedAt, null, null,
                null);
    }

    public boolean refundRequested() {
        return status == ReturnStatus.RECEIVED && refundRequestedAt != null;
    }

    /** The value of the returned units was paid back. */
    public OrderReturn refund(Money amount, Instant now) {
        require(ReturnStatus.REFUNDED);
        return new OrderReturn(id, orderId, ReturnStatus.REFUNDED, lines, reason, restocked, requestedAt, receivedAt,
                refundRequestedAt, now, Objects.requireNonNull(amount, "amount"));
    }

    /** What the refund pays back: the returned units at the price the customer paid. */
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
