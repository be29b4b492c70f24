package com.example.shop.loyalty.points;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The share of an order's points a refund takes back: over all refunds so far, rounded down, the rest at the end. */
class RefundShareTests {

    private static LoyaltyOrder order(String total, String amountDue, long earned, long redeemed) {
        return new LoyaltyOrder(new OrderId(UUID.randomUUID()), new CustomerId(UUID.randomUUID()), "EUR",
                new BigDecimal(total), new BigDecimal(amountDue), earned, redeemed, 0, 0, 0, BigDecimal.ZERO,
                BigDecimal.ZERO, false);
    }

    private static OrderPoints.Share share(LoyaltyOrder order, String refunded, String totalRefunded) {
        return OrderPoints.share(order, new BigDecimal(refunded), BigDecimal.ZERO, new BigDecimal(totalRefunded));
    }

    @Test
    void takesTheRefundedProportionOfTheAmountDueRoundedDown() {
        var order = order("100.00", "90.00", 90, 1000);

        assertThat(share(order, "30.00", "30.00").of(90)).isEqualTo(30);
        assertThat(share(order, "30.00", "30.00").of(1000)).isEqualTo(333);
        assertThat(share(order, "60.00", "60.00").of(1000)).isEqualTo(666);
    }

    @Test
    void takesEverythingOnceTheRefundsReachTheAmountDue() {
        var order = order("100.00", "90.00", 90, 1000);

        assertThat(share(order, "90.00", "90.00").of(1000)).isEqualTo(1000);
        // order-service's total says complete even if an earlier refund has not arrived here yet
        assertThat(share(order, "30.00", "90.00").of(1000)).isEqualTo(1000);
    }

    @Test
    void usesTheRefundedLinesValueForOrdersPaidEntirelyWithPoints() {
        var order = order("20.00", "0.00", 0, 2000);

        var half = OrderPoints.share(order, BigDecimal.ZERO, new BigDecimal("10.00"), BigDecimal.ZERO);
        var all = OrderPoints.share(order, BigDecimal.ZERO, new BigDecimal("20.00"), BigDecimal.ZERO);

        assertThat(half.of(2000)).isEqualTo(1000);
        assertThat(all.of(2000)).isEqualTo(2000);
    }
}
