package com.example.shop.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

class ExpectationsTests {

    private static JsonNode order(String status, String total, String due, long points, String returns) {
        return Http.JSON.readTree("""
                {"id":"o1","status":"%s","total":{"amount":"%s"},"amountDue":{"amount":"%s"},"pointsRedeemed":%d,
                 "items":[{"lineNo":1,"productId":"a","quantity":3,"unitPrice":{"amount":"33.33"}},
                          {"lineNo":2,"productId":"b","quantity":1,"unitPrice":{"amount":"10.00"}}],
                 "returns":%s}
                """.formatted(status, total, due, points, returns));
    }

    @Test
    void aPartialReturnIsRefundedItsShareOfTheAmountDueRoundedHalfEven() {
        JsonNode order = order("DELIVERED", "109.99", "99.99", 1000,
                """
                [{"id":"r1","status":"REFUNDED","restocked":true,"refunded":{"amount":"30.30"},
                  "lines":[{"lineNo":1,"productId":"a","quantity":1}]}]""");
        // 33.33 x 99.99 / 109.99 = 30.3000...
        assertThat(Expectations.refundDue(order, order.get("returns").get(0))).isEqualByComparingTo("30.30");
        assertThat(Expectations.netPaid(order)).isEqualByComparingTo("69.69");
        assertThat(Expectations.keptUnits(order)).isEqualTo(Map.of("a", 2, "b", 1));
    }

    @Test
    void theReturnThatCompletesTheOrderGetsWhatIsLeftOfTheAmountDue() {
        JsonNode order = order("RETURNED", "109.99", "99.99", 1000,
                """
                [{"id":"r1","status":"REFUNDED","restocked":true,"refunded":{"amount":"30.30"},
                  "lines":[{"lineNo":1,"productId":"a","quantity":1}]},
                 {"id":"r2","status":"REFUNDED","restocked":false,"refunded":{"amount":"69.69"},
                  "lines":[{"lineNo":1,"productId":"a","quantity":2},{"lineNo":2,"productId":"b","quantity":1}]}]""");
        assertThat(Expectations.refundDue(order, order.get("returns").get(1))).isEqualByComparingTo("69.69");
        assertThat(Expectations.netPaid(order)).isEqualByComparingTo("0.00");
        // Written off: the second return's units stay out of the warehouse.
        assertThat(Expectations.keptUnits(order)).isEqualTo(Map.of("a", 2, "b", 1));
        assertThat(Expectations.pointsContribution(order)).isZero();
    }

    @Test
    void pointsOfAPartlyRefundedOrderComeBackInProportionRoundedDown() {
        JsonNode order = order("DELIVERED", "109.99", "99.99", 1000,
                """
                [{"id":"r1","status":"REFUNDED","restocked":true,"refunded":{"amount":"30.30"},
                  "lines":[{"lineNo":1,"productId":"a","quantity":1}]}]""");
        // earned 99 - redeemed 1000 - reversed floor(99 x 30.30 / 99.99) = 30 + restored floor(1000 x 30.30 / 99.99) = 303
        assertThat(Expectations.pointsContribution(order)).isEqualTo(99 - 1000 - 30 + 303);
    }

    @Test
    void aCancelledOrderPaysNothingKeepsNoStockAndLeavesNoPointsButTwoMails() {
        JsonNode order = order("CANCELLED", "109.99", "109.99", 0, "[]");
        assertThat(Expectations.netPaid(order)).isEqualByComparingTo("0");
        assertThat(Expectations.keptUnits(order)).isEmpty();
        assertThat(Expectations.pointsContribution(order)).isZero();
        assertThat(Expectations.mails(order)).isEqualTo(Map.of("ORDER_CONFIRMED", 1, "ORDER_CANCELLED", 1));
    }

    @Test
    void aRejectedOrderCausesOnlyItsRejectionMail() {
        JsonNode order = order("REJECTED", "109.99", "109.99", 0, "[]");
        assertThat(Expectations.mails(order)).isEqualTo(Map.of("ORDER_REJECTED", 1));
        assertThat(Expectations.earned(order)).isZero();
    }

    @Test
    void aDeliveredOrderEarnsItsAmountDueRoundedDownAndCausesConfirmedShippedAndSurveyMails() {
        JsonNode order = order("DELIVERED", "109.99", "109.99", 0, "[]");
        assertThat(Expectations.pointsContribution(order)).isEqualTo(109);
        assertThat(Expectations.mails(order)).isEqualTo(Map.of("ORDER_CONFIRMED", 1, "ORDER_SHIPPED", 1, "SURVEY", 1));
    }
}
