package com.example.shop.loyalty.points;

import static com.example.shop.loyalty.ShopEvents.confirmed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.example.shop.loyalty.LoyaltyApi.Response;
import com.example.shop.loyalty.LoyaltyIntegrationTest;
import com.example.shop.platform.testsupport.TestTokens;

/** The customer, admin and internal HTTP API: what it shows, who may call it, and 4xx problems for bad input. */
class LoyaltyApiIntegrationTests extends LoyaltyIntegrationTest {

    private static String tokenOf(UUID customer) {
        return TestTokens.customer(customer, "ada@example.com");
    }

    private void earn(UUID customer, String amount, long expectedBalance) {
        events().send(confirmed(customer, UUID.randomUUID(), amount, 0));
        await().atMost(Duration.ofSeconds(30)).until(() -> ledger().balance(customer) == expectedBalance);
    }

    private static void assertProblem(Response response, int status) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.number("status")).isEqualTo(status);
    }

    @Test
    void showsACustomerWithoutAnAccountAsZeroPointsBronze() {
        UUID customer = UUID.randomUUID();

        Response me = api().get("/api/customers/me/loyalty", tokenOf(customer));

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.text("customerId")).isEqualTo(customer.toString());
        assertThat(me.number("points")).isZero();
        assertThat(me.number("held")).isZero();
        assertThat(me.number("available")).isZero();
        assertThat(me.text("tier")).isEqualTo("BRONZE");
        assertThat(me.number("pointsLast12Months")).isZero();
        assertThat(me.text("nextTier")).isEqualTo("SILVER");
        assertThat(me.number("pointsToNextTier")).isEqualTo(500);
        assertThat(me.text("benefit")).isNotBlank();
        assertThat(me.json().path("pointValue").decimalValue()).isEqualByComparingTo("0.01");
        assertThat(api().get("/api/customers/me/loyalty/ledger", tokenOf(customer)).json().path("items").size()).isZero();
    }

    @Test
    void showsTheBalanceHeldPointsAndTierProgress() {
        UUID customer = UUID.randomUUID();
        earn(customer, "620.00", 620);
        api().hold(UUID.randomUUID(), customer, 20);

        Response me = api().get("/api/customers/me/loyalty", tokenOf(customer));

        assertThat(me.number("points")).isEqualTo(620);
        assertThat(me.number("held")).isEqualTo(20);
        assertThat(me.number("available")).isEqualTo(600);
        assertThat(me.text("tier")).isEqualTo("SILVER");
        assertThat(me.number("pointsLast12Months")).isEqualTo(620);
        assertThat(me.text("nextTier")).isEqualTo("GOLD");
        assertThat(me.number("pointsToNextTier")).isEqualTo(1380);
    }

    @Test
    void pagesTheLedgerNewestFirst() {
        UUID customer = UUID.randomUUID();
        earn(customer, "1.00", 1);
        earn(customer, "2.00", 3);
        earn(customer, "3.00", 6);

        Response page = api().get("/api/customers/me/loyalty/ledger?page=0&size=2", tokenOf(customer));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().path("items").valueStream().map(e -> e.path("points").asLong())).containsExactly(3L, 2L);
        assertThat(page.json().path("items").get(0).path("kind").asString()).isEqualTo("EARNED");
        assertThat(page.json().path("items").get(0).path("balanceAfter").asLong()).isEqualTo(6);
        assertThat(page.number("totalItems")).isEqualTo(3);
        Response next = api().get("/api/customers/me/loyalty/ledger?page=1&size=2", tokenOf(customer));
        assertThat(next.json().path("items").valueStream().map(e -> e.path("points").asLong())).containsExactly(1L);
    }

    @Test
    void refusesLedgerPagesLargerThanOneHundredOrBelowZero() {
        String token = tokenOf(UUID.randomUUID());

        assertProblem(api().get("/api/customers/me/loyalty/ledger?size=101", token), 400);
        assertProblem(api().get("/api/customers/me/loyalty/ledger?size=0", token), 400);
        assertProblem(api().get("/api/customers/me/loyalty/ledger?page=-1", token), 400);
        assertProblem(api().get("/api/customers/me/loyalty/ledger?page=abc", token), 400);
        assertThat(api().get("/api/customers/me/loyalty/ledger?size=100", token).status()).isEqualTo(200);
    }

    @Test
    void needsATokenForTheCustomerApiAndRoleAdminForTheAdminApi() {
        UUID customer = UUID.randomUUID();

        assertProblem(api().get("/api/customers/me/loyalty", null), 401);
        assertProblem(api().get("/api/admin/loyalty/" + customer, tokenOf(customer)), 403);
        assertProblem(api().adjust(customer, 10, "goodwill", UUID.randomUUID(), tokenOf(customer)), 403);
        assertProblem(api().adjust(customer, 10, "goodwill", UUID.randomUUID(), null), 401);
    }

    @Test
    void showsAdminsTheAccountLedgerAndHolds() {
        UUID customer = UUID.randomUUID();
        earn(customer, "80.00", 80);
        UUID order = UUID.randomUUID();
        api().hold(order, customer, 30);

        Response admin = api().get("/api/admin/loyalty/" + customer, TestTokens.admin());

        assertThat(admin.status()).isEqualTo(200);
        assertThat(admin.json().path("account").path("points").asLong()).isEqualTo(80);
        assertThat(admin.json().path("ledger").path("items").size()).isEqualTo(1);
        assertThat(admin.json().path("holds").get(0).path("orderId").asString()).isEqualTo(order.toString());
        assertThat(admin.json().path("holds").get(0).path("status").asString()).isEqualTo("HELD");
        assertProblem(api().get("/api/admin/loyalty/not-a-uuid", TestTokens.admin()), 400);
    }

    @Test
    void adjustsOncePerAdjustmentId() {
        UUID customer = UUID.randomUUID();
        UUID adjustment = UUID.randomUUID();

        Response first = api().adjust(customer, 250, "goodwill", adjustment, TestTokens.admin());
        Response again = api().adjust(customer, 250, "goodwill", adjustment, TestTokens.admin());

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().path("entry").path("kind").asString()).isEqualTo("ADJUSTED");
        assertThat(first.json().path("account").path("points").asLong()).isEqualTo(250);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("entry")).isEqualTo(first.json().path("entry"));
        assertThat(ledger().entries(customer)).containsExactly("ADJUSTED 250");
        assertProblem(api().adjust(customer, 100, "other", adjustment, TestTokens.admin()), 409);
    }

    @Test
    void refusesADeductionBelowZeroWith422() {
        UUID customer = UUID.randomUUID();
        api().adjust(customer, 50, "goodwill", UUID.randomUUID(), TestTokens.admin());

        assertProblem(api().adjust(customer, -51, "correction", UUID.randomUUID(), TestTokens.admin()), 422);
        Response deducted = api().adjust(customer, -50, "correction", UUID.randomUUID(), TestTokens.admin());

        assertThat(deducted.status()).isEqualTo(200);
        assertThat(ledger().balance(customer)).isZero();
        ledger().assertInvariant(customer);
    }

    @Test
    void answersBadAdjustmentsWith400() {
        UUID customer = UUID.randomUUID();
        String admin = TestTokens.admin();

        assertProblem(api().adjust(customer, 0, "nothing", UUID.randomUUID(), admin), 400);
        assertProblem(api().post("/api/admin/loyalty/" + customer + "/adjustments",
                "{\"points\":5,\"adjustmentId\":\"" + UUID.randomUUID() + "\"}", admin), 400);
        assertProblem(api().post("/api/admin/loyalty/" + customer + "/adjustments", "{\"points\":5,", admin), 400);
        assertProblem(api().post("/api/admin/loyalty/" + customer + "/adjustments",
                "{\"points\":\"many\",\"reason\":\"x\",\"adjustmentId\":\"" + UUID.randomUUID() + "\"}", admin), 400);
        assertProblem(api().post("/api/admin/loyalty/" + customer + "/adjustments",
                "{\"points\":5,\"reason\":\"x\",\"adjustmentId\":\"nope\"}", admin), 400);
        assertThat(ledger().entries(customer)).isEmpty();
    }

    @Test
    void answersBadHoldRequestsWith400() {
        UUID order = UUID.randomUUID();
        UUID customer = UUID.randomUUID();

        assertProblem(api().post("/internal/loyalty/holds",
                "{\"orderId\":\"%s\",\"customerId\":\"%s\",\"points\":-1,\"currency\":\"EUR\"}".formatted(order, customer), null), 400);
        assertProblem(api().post("/internal/loyalty/holds",
                "{\"orderId\":\"%s\",\"customerId\":\"%s\",\"points\":10}".formatted(order, customer), null), 400);
        assertProblem(api().post("/internal/loyalty/holds",
                "{\"orderId\":\"%s\",\"customerId\":\"%s\",\"points\":10,\"currency\":\"euro\"}".formatted(order, customer), null), 400);
        assertProblem(api().post("/internal/loyalty/holds",
                "{\"customerId\":\"%s\",\"points\":10,\"currency\":\"EUR\"}".formatted(customer), null), 400);
        assertProblem(api().post("/internal/loyalty/holds", "not json", null), 400);
        for (String maxDiscount : List.of("{\"amount\":\"-0.01\",\"currency\":\"EUR\"}",
                "{\"amount\":\"20.00\",\"currency\":\"USD\"}", "{\"amount\":\"20.00\"}",
                "{\"currency\":\"EUR\"}", "{\"amount\":\"lots\",\"currency\":\"EUR\"}",
                "{\"amount\":\"1.001\",\"currency\":\"EUR\"}", "\"20.00\"")) {
            assertProblem(api().post("/internal/loyalty/holds",
                    "{\"orderId\":\"%s\",\"customerId\":\"%s\",\"points\":10,\"currency\":\"EUR\",\"maxDiscount\":%s}"
                            .formatted(order, customer, maxDiscount), null), 400);
        }
        // Nothing was recorded for the order: a good request for it is held afresh.
        earn(customer, "15.00", 15);
        Response good = api().hold(order, customer, 10, "20.00");
        assertThat(good.text("status")).isEqualTo("HELD");
        assertThat(good.number("points")).isEqualTo(10);
        assertThat(api().post("/internal/loyalty/holds/not-a-uuid/release", "", null).status()).isEqualTo(400);
    }

    @Test
    void exportsTheCustomersAccountLedgerAndHolds() {
        UUID customer = UUID.randomUUID();
        earn(customer, "75.00", 75);
        api().hold(UUID.randomUUID(), customer, 25);

        Response export = api().get("/internal/customers/" + customer + "/personal-data", null);

        assertThat(export.status()).isEqualTo(200);
        assertThat(export.text("service")).isEqualTo("loyalty-service");
        assertThat(export.json().path("data").path("account").path("points").asLong()).isEqualTo(75);
        assertThat(export.json().path("data").path("ledger").size()).isEqualTo(1);
        assertThat(export.json().path("data").path("holds").get(0).path("points").asLong()).isEqualTo(25);
    }
}
