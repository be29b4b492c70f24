package com.example.shop.order.ordering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class OrderTests {

    static final Instant NOW = Instant.parse("2026-11-22T10:15:30Z");
    static final ShippingAddress ADDRESS = new ShippingAddress("Ada", "1 Main Street", "Utrecht", "3511 AB", "NL");

    static Order pendingOrder(OrderLine... lines) {
        return Order.place(OrderId.newId(), new CustomerId(UUID.randomUUID()), "ada@example.com", List.of(lines),
                ADDRESS, "tok_visa", NOW);
    }

    static OrderLine line(String unitPrice, int quantity) {
        return new OrderLine(UUID.randomUUID(), "SKU", "Thing", quantity, Money.of(unitPrice, "EUR"));
    }

    @Test
    void startsPendingWithTheSumOfItsLinesAsTotal() {
        Order order = pendingOrder(line("19.99", 3), line("0.05", 1));

        assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(order.total()).isEqualTo(Money.of("60.02", "EUR"));
        assertThat(order.rejectionReason()).isEmpty();
    }

    @Test
    void keepsMoneyAtTwoDecimals() {
        assertThat(Money.of("5", "EUR").amount().toPlainString()).isEqualTo("5.00");
        assertThat(line("1.5", 3).lineTotal().amount().toPlainString()).isEqualTo("4.50");
    }

    @Test
    void confirmsAPendingOrderAndForgetsThePaymentToken() {
        Order confirmed = pendingOrder(line("10.00", 1)).confirm(NOW.plusSeconds(1));

        assertThat(confirmed.status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(confirmed.paymentToken()).isNull();
        assertThat(confirmed.updatedAt()).isEqualTo(NOW.plusSeconds(1));
    }

    @Test
    void rejectsAPendingOrderWithAReason() {
        Order rejected = pendingOrder(line("10.00", 1)).reject(RejectionReason.OUT_OF_STOCK, NOW);

        assertThat(rejected.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(rejected.rejectionReason()).contains(RejectionReason.OUT_OF_STOCK);
    }

    @Test
    void neverLeavesAFinalStatus() {
        Order confirmed = pendingOrder(line("10.00", 1)).confirm(NOW);
        Order rejected = pendingOrder(line("10.00", 1)).reject(RejectionReason.PAYMENT_DECLINED, NOW);

        assertThatThrownBy(() -> confirmed.reject(RejectionReason.PAYMENT_DECLINED, NOW))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> rejected.confirm(NOW)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> confirmed.confirm(NOW)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> rejected.decideRejection(RejectionReason.PAYMENT_UNAVAILABLE, NOW))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void remembersADecidedRejectionWhileStillPending() {
        Order decided = pendingOrder(line("10.00", 1)).decideRejection(RejectionReason.PAYMENT_UNAVAILABLE, NOW);

        assertThat(decided.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(decided.pendingRejection()).contains(RejectionReason.PAYMENT_UNAVAILABLE);
        assertThat(decided.reject(RejectionReason.PAYMENT_UNAVAILABLE, NOW).pendingRejection()).isEmpty();
    }

    @Test
    void refusesAnOrderWithoutLines() {
        assertThatThrownBy(OrderTests::pendingOrder).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesLinesInDifferentCurrencies() {
        var usd = new OrderLine(UUID.randomUUID(), "SKU", "Thing", 1, Money.of("1.00", "USD"));

        assertThatThrownBy(() -> pendingOrder(line("1.00", 1), usd)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesNonPositiveQuantities() {
        assertThatThrownBy(() -> line("1.00", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void normalisesTheShippingAddress() {
        assertThat(new ShippingAddress(" Ada ", "1 Main Street ", " Utrecht", "3511 AB", " nl "))
                .isEqualTo(new ShippingAddress("Ada", "1 Main Street", "Utrecht", "3511 AB", "NL"));
    }
}
