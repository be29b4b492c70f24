package com.example.shop.order.ordering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * A return is refunded at its units' share of the amount due (rounded half-even to the cent); the refund that
 * completes the order gets what is left, so the refunds add up to the amount due exactly.
 */
class RefundSharesTests {

    private static final Instant AT = Instant.parse("2026-11-22T10:15:30Z");
    private static final Shipment PARCEL = new Shipment("s", "PARCELCO", "PC1", "http://track/PC1");

    private static Order delivered(long points, String worth, OrderLine... lines) {
        Order order = Order.place(OrderId.newId(), new CustomerId(UUID.randomUUID()), "ada@example.com",
                List.of(lines), OrderTests.ADDRESS, "tok_visa", points, AT);
        if (points > 0) {
            order = order.pointsHeld(points, Money.of(worth, "EUR"), AT);
        }
        return order.confirm(AT).ship(PARCEL, AT).deliver(AT);
    }

    private static OrderLine line(int quantity, String price) {
        return new OrderLine(UUID.randomUUID(), "SKU-" + price, "Thing", quantity, Money.of(price, "EUR"));
    }

    /** Requests, receives and refunds each return in turn; returns the refunds in that order. */
    private static List<String> refundInTurn(Order order, List<List<OrderReturn.Line>> returns) {
        List<OrderReturn> all = new ArrayList<>(returns.stream()
                .map(lines -> OrderReturn.request(order.id(), lines, null, AT).receive(true, AT).requestRefund(AT))
                .toList());
        List<String> refunds = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            Money due = all.get(i).refundDue(order, all);
            all.set(i, all.get(i).withRefundDue(due).refund(due, AT));
            refunds.add(due.amount().toPlainString());
        }
        return refunds;
    }

    @Test
    void threeUnitsAt3333WithTenOffAreRefundedAtTheirShareAndTheLastGetsWhatIsLeft() {
        Order order = delivered(1000, "10.00", line(3, "33.33"));
        assertThat(order.amountDue()).isEqualTo(Money.of("89.99", "EUR"));

        List<String> refunds = refundInTurn(order, List.of(List.of(new OrderReturn.Line(1, 1)),
                List.of(new OrderReturn.Line(1, 1)), List.of(new OrderReturn.Line(1, 1))));

        // 33.33 x 89.99 / 99.99 = 29.9966..., twice; then 89.99 - 60.00.
        assertThat(refunds).containsExactly("30.00", "30.00", "29.99");
    }

    @Test
    void withoutPointsARefundIsTheValueOfItsUnitsAsBefore() {
        Order order = delivered(0, null, line(3, "19.99"), line(1, "30.00"));

        List<String> refunds = refundInTurn(order, List.of(List.of(new OrderReturn.Line(1, 2)),
                List.of(new OrderReturn.Line(1, 1), new OrderReturn.Line(2, 1))));

        assertThat(refunds).containsExactly("39.98", "49.99");
    }

    @Test
    void sharesRoundHalfEvenAndNeverPayBackMoreThanTheAmountDue() {
        // 0.01 x 3 units, 1 point off: 0.02 due; each unit's share is 0.00666... -> 0.01.
        Order order = delivered(1, "0.01", line(3, "0.01"));

        List<String> refunds = refundInTurn(order, List.of(List.of(new OrderReturn.Line(1, 1)),
                List.of(new OrderReturn.Line(1, 1)), List.of(new OrderReturn.Line(1, 1))));

        assertThat(refunds).containsExactly("0.01", "0.01", "0.00");
    }

    @Test
    void anOrderPaidWhollyWithPointsRefundsNothing() {
        Order order = delivered(10_000, "100.00", line(2, "12.50"));
        assertThat(order.discount()).isEqualTo(Money.of("25.00", "EUR"));
        assertThat(order.amountDue()).isEqualTo(Money.of("0.00", "EUR"));

        List<String> refunds = refundInTurn(order, List.of(List.of(new OrderReturn.Line(1, 1)),
                List.of(new OrderReturn.Line(1, 1))));

        assertThat(refunds).containsExactly("0.00", "0.00");
    }

    @Test
    void aReturnWhoseOthersAreNotRefundedYetIsNotTheOneThatCompletesTheOrder() {
        Order order = delivered(1000, "10.00", line(3, "33.33"));
        OrderReturn first = OrderReturn.request(order.id(), List.of(new OrderReturn.Line(1, 2)), null, AT);
        OrderReturn second = OrderReturn.request(order.id(), List.of(new OrderReturn.Line(1, 1)), null, AT)
                .receive(false, AT).requestRefund(AT);

        // Every unit is returned, but the first return is not refunded: the second gets its share only.
        assertThat(second.refundDue(order, List.of(first, second))).isEqualTo(Money.of("30.00", "EUR"));
    }

    @Test
    void aFixedRefundStaysWhateverHappensToTheOtherReturns() {
        Order order = delivered(1000, "10.00", line(3, "33.33"));
        OrderReturn only = OrderReturn.request(order.id(), List.of(new OrderReturn.Line(1, 1)), null, AT)
                .receive(true, AT).requestRefund(AT).withRefundDue(Money.of("30.00", "EUR"));

        assertThat(only.refundDue(order, List.of(only))).isEqualTo(Money.of("30.00", "EUR"));
    }

    @Test
    void heldPointsWorthMoreThanTheTotalDiscountTheTotalOnly() {
        Order pending = Order.place(OrderId.newId(), new CustomerId(UUID.randomUUID()), null,
                List.of(line(1, "5.00")), OrderTests.ADDRESS, "tok_visa", 900, AT);

        Order held = pending.pointsHeld(900, Money.of("9.00", "EUR"), AT);

        assertThat(held.discount()).isEqualTo(Money.of("5.00", "EUR"));
        assertThat(held.amountDue()).isEqualTo(Money.of("0.00", "EUR"));
        assertThat(held.redemption().pointsRedeemed()).isEqualTo(900);
    }

    @Test
    void anOrderRedeemingPointsCannotBeConfirmedBeforeTheyAreHeld() {
        Order pending = Order.place(OrderId.newId(), new CustomerId(UUID.randomUUID()), null,
                List.of(line(1, "5.00")), OrderTests.ADDRESS, "tok_visa", 100, AT);

        assertThat(pending.awaitsPointsHold()).isTrue();
        assertThatThrownBy(() -> pending.confirm(AT)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Order.place(OrderId.newId(), new CustomerId(UUID.randomUUID()), null,
                List.of(line(1, "5.00")), OrderTests.ADDRESS, "tok_visa", -1, AT))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
