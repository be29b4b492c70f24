package com.example.shop.order.ordering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The order's and the return's state machines, transition by transition: every pair of statuses is either in
 * the table (and the aggregate makes the move) or refused (and the aggregate throws, changing nothing).
 */
class OrderStateMachineTests {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private static final Shipment PARCEL = new Shipment("shp_1", "PARCELCO", "PC1", "http://track/PC1");

    private static final Set<List<OrderStatus>> ALLOWED = Set.of(
            List.of(OrderStatus.PENDING, OrderStatus.CONFIRMED),
            List.of(OrderStatus.PENDING, OrderStatus.REJECTED),
            List.of(OrderStatus.CONFIRMED, OrderStatus.SHIPPED),
            List.of(OrderStatus.CONFIRMED, OrderStatus.CANCELLED),
            List.of(OrderStatus.SHIPPED, OrderStatus.DELIVERED),
            List.of(OrderStatus.DELIVERED, OrderStatus.RETURNED));

    /** The aggregate's method that moves an order to each status. */
    private static final Map<OrderStatus, BiFunction<Order, Instant, Order>> MOVES = Map.of(
            OrderStatus.CONFIRMED, Order::confirm,
            OrderStatus.REJECTED, (order, at) -> order.reject(RejectionReason.OUT_OF_STOCK, at),
            OrderStatus.SHIPPED, (order, at) -> order.ship(PARCEL, at),
            OrderStatus.CANCELLED, (order, at) -> order.cancel(Actor.CUSTOMER, at),
            OrderStatus.DELIVERED, Order::deliver,
            OrderStatus.RETURNED, Order::markReturned);

    /** An order in {@code status}, reached through the allowed moves. */
    static Order orderIn(OrderStatus status) {
        Order pending = OrderTests.pendingOrder(OrderTests.line("10.00", 2));
        return switch (status) {
            case PENDING -> pending;
            case CONFIRMED -> pending.confirm(T0);
            case REJECTED -> pending.reject(RejectionReason.PAYMENT_DECLINED, T0);
            case SHIPPED -> pending.confirm(T0).ship(PARCEL, T0);
            case CANCELLED -> pending.confirm(T0).cancel(Actor.ADMIN, T0);
            case DELIVERED -> pending.confirm(T0).ship(PARCEL, T0).deliver(T0);
            case RETURNED -> pending.confirm(T0).ship(PARCEL, T0).deliver(T0).markReturned(T0);
        };
    }

    static Stream<Arguments> everyPair() {
        List<Arguments> pairs = new ArrayList<>();
        for (OrderStatus from : OrderStatus.values()) {
            for (OrderStatus to : OrderStatus.values()) {
                pairs.add(Arguments.of(from, to));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPair")
    void theTransitionTableAllowsExactlyTheLifecycleMoves(OrderStatus from, OrderStatus to) {
        assertThat(from.canMoveTo(to)).isEqualTo(ALLOWED.contains(List.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPair")
    void theAggregateMakesAllowedMovesAndRefusesTheRest(OrderStatus from, OrderStatus to) {
        if (to == OrderStatus.PENDING) {
            // No method leads back to PENDING: an order is only ever placed PENDING.
            assertThat(from.canMoveTo(to)).isFalse();
            return;
        }
        Order order = orderIn(from);
        Instant later = T0.plusSeconds(60);
        if (ALLOWED.contains(List.of(from, to))) {
            Order moved = MOVES.get(to).apply(order, later);
            assertThat(moved.status()).isEqualTo(to);
            assertThat(moved.updatedAt()).isEqualTo(later);
            assertThat(moved.pendingAction()).isEmpty();
        }
        else {
            assertThatThrownBy(() -> MOVES.get(to).apply(order, later))
                    .isInstanceOf(IllegalTransitionException.class)
                    .hasMessageContaining(from.name()).hasMessageContaining(to.name());
            assertThat(order.status()).isEqualTo(from);
        }
    }

    @ParameterizedTest
    @EnumSource(value = OrderStatus.class, names = { "REJECTED", "CANCELLED", "RETURNED" })
    void finalStatusesLeadNowhere(OrderStatus status) {
        assertThat(status.isTerminal()).isTrue();
        assertThat(status.next()).isEmpty();
    }

    @Test
    void shippingKeepsTheParcelAndDeliveryKeepsIt() {
        Order delivered = orderIn(OrderStatus.CONFIRMED).ship(PARCEL, T0).deliver(T0.plusSeconds(5));

        assertThat(delivered.shipment()).contains(PARCEL);
        assertThat(delivered.fulfilment().shippedAt()).isEqualTo(T0);
        assertThat(delivered.fulfilment().deliveredAt()).isEqualTo(T0.plusSeconds(5));
    }

    @Test
    void cancellingRemembersWhoCancelled() {
        Order cancelled = orderIn(OrderStatus.CONFIRMED).cancel(Actor.CUSTOMER, T0);

        assertThat(cancelled.fulfilment().cancelledBy()).isEqualTo(Actor.CUSTOMER);
        assertThat(cancelled.fulfilment().cancelledAt()).isEqualTo(T0);
    }

    @ParameterizedTest
    @EnumSource(OrderStatus.class)
    void shipAndCancelMayBeAskedForOnlyOfAConfirmedOrderAndRefundOnlyOfADeliveredOne(OrderStatus status) {
        Order order = orderIn(status);

        assertThat(order.allows(PendingAction.SHIP)).isEqualTo(status == OrderStatus.CONFIRMED);
        assertThat(order.allows(PendingAction.CANCEL)).isEqualTo(status == OrderStatus.CONFIRMED);
        assertThat(order.allows(PendingAction.REFUND)).isEqualTo(status == OrderStatus.DELIVERED);
    }

    @Test
    void theFirstIntentRecordedExcludesTheOther() {
        Order confirmed = orderIn(OrderStatus.CONFIRMED);
        Order shipping = Order.restore(confirmed.id(), confirmed.customerId(), confirmed.customerEmail(),
                confirmed.lines(), confirmed.shippingAddress(), null, OrderStatus.CONFIRMED, null, null,
                confirmed.createdAt(), confirmed.updatedAt(),
                new Order.Fulfilment(PendingAction.SHIP, Actor.ADMIN, null, null, null, null, null));

        assertThat(shipping.allows(PendingAction.SHIP)).isTrue();
        assertThat(shipping.allows(PendingAction.CANCEL)).isFalse();
    }

    // ---- returns -------------------------------------------------------------------------------------------

    private static final Set<List<ReturnStatus>> RETURN_ALLOWED = Set.of(
            List.of(ReturnStatus.REQUESTED, ReturnStatus.RECEIVED),
            List.of(ReturnStatus.RECEIVED, ReturnStatus.REFUNDED));

    static OrderReturn returnIn(ReturnStatus status) {
        OrderReturn requested = OrderReturn.request(OrderId.newId(), List.of(new OrderReturn.Line(1, 1)), "too small",
                T0);
        return switch (status) {
            case REQUESTED -> requested;
            case RECEIVED -> requested.receive(true, T0);
            case REFUNDED -> requested.receive(true, T0).refund(Money.of("10.00", "EUR"), T0);
        };
    }

    static Stream<Arguments> everyReturnPair() {
        List<Arguments> pairs = new ArrayList<>();
        for (ReturnStatus from : ReturnStatus.values()) {
            for (ReturnStatus to : ReturnStatus.values()) {
                pairs.add(Arguments.of(from, to));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "return {0} -> {1}")
    @MethodSource("everyReturnPair")
    void aReturnMovesOnlyRequestedReceivedRefunded(ReturnStatus from, ReturnStatus to) {
        boolean allowed = RETURN_ALLOWED.contains(List.of(from, to));
        assertThat(from.canMoveTo(to)).isEqualTo(allowed);
        OrderReturn ret = returnIn(from);
        Runnable move = switch (to) {
            case REQUESTED -> () -> {
                throw new IllegalTransitionException("return", from, to);
            };
            case RECEIVED -> () -> ret.receive(false, T0);
            case REFUNDED -> () -> ret.refund(Money.of("10.00", "EUR"), T0);
        };
        if (allowed) {
            move.run();
        }
        else {
            assertThatThrownBy(move::run).isInstanceOf(IllegalTransitionException.class);
        }
    }

    @Test
    void aRefundMayBeAskedForOnlyOnceTheGoodsAreReceived() {
        assertThatThrownBy(() -> returnIn(ReturnStatus.REQUESTED).requestRefund(T0))
                .isInstanceOf(IllegalTransitionException.class);
        assertThat(returnIn(ReturnStatus.RECEIVED).requestRefund(T0).refundRequested()).isTrue();
        assertThat(returnIn(ReturnStatus.RECEIVED).requestRefund(T0).refundGivenUp().refundRequested()).isFalse();
    }

    @Test
    void aReturnIsWorthItsUnitsAtThePricePaid() {
        Order order = Order.place(OrderId.newId(), new CustomerId(UUID.randomUUID()), "a@example.com",
                List.of(OrderTests.line("19.99", 3), OrderTests.line("5.00", 2)), OrderTests.ADDRESS, "tok", T0);
        OrderReturn ret = OrderReturn.request(order.id(),
                List.of(new OrderReturn.Line(1, 2), new OrderReturn.Line(2, 1)), null, T0);

        assertThat(ret.value(order)).isEqualTo(Money.of("44.98", "EUR"));
        assertThat(ret.units()).isEqualTo(3);
    }
}
