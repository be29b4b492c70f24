package com.example.shop.loyalty.points;

import static com.example.shop.loyalty.ShopEvents.confirmed;
import static com.example.shop.loyalty.ShopEvents.rejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import com.example.shop.loyalty.LoyaltyApi.Response;
import com.example.shop.loyalty.LoyaltyIntegrationTest;

import tools.jackson.databind.node.ObjectNode;

/** The checkout saga's side of loyalty: holds over HTTP, spent or released by order events. */
class CheckoutHoldsIntegrationTests extends LoyaltyIntegrationTest {

    /** Gives the customer {@code points} through a confirmed order of that many whole units (BRONZE). */
    private void earn(UUID customer, long points) {
        long before = ledger().balance(customer);
        events().send(confirmed(customer, UUID.randomUUID(), points + ".00", 0));
        await().atMost(Duration.ofSeconds(30)).until(() -> ledger().balance(customer) == before + points);
    }

    @Test
    void holdsPointsAndSaysWhatTheyAreWorth() {
        UUID customer = UUID.randomUUID();
        earn(customer, 300);

        Response held = api().hold(UUID.randomUUID(), customer, 250);

        assertThat(held.status()).isEqualTo(200);
        assertThat(held.text("status")).isEqualTo("HELD");
        assertThat(held.number("points")).isEqualTo(250);
        assertThat(held.json().path("discount").path("amount").asString()).isEqualTo("2.50");
        assertThat(held.json().path("discount").path("currency").asString()).isEqualTo("EUR");
        assertThat(ledger().held(customer)).isEqualTo(250);
        assertThat(ledger().balance(customer)).isEqualTo(300);
    }

    @Test
    void holdsOnlyThePointsTheOrdersTotalNeedsAndTheRestStayWithTheCustomerAfterConfirmation() {
        UUID customer = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        earn(customer, 6000);

        Response held = api().hold(order, customer, 5000, "20.00");

        assertThat(held.status()).isEqualTo(200);
        assertThat(held.text("status")).isEqualTo("HELD");
        assertThat(held.number("points")).isEqualTo(2000);
        assertThat(held.json().path("discount").path("amount").asString()).isEqualTo("20.00");
        assertThat(held.json().path("discount").path("currency").asString()).isEqualTo("EUR");
        assertThat(ledger().held(customer)).isEqualTo(2000);
        assertThat(api().hold(order, customer, 5000, "20.00").json()).isEqualTo(held.json());

        // Nothing left to pay, so nothing earned: the balance keeps every point the order did not need.
        events().send(confirmed(customer, order, "0.00", 2000));

        await().atMost(Duration.ofSeconds(30)).until(() -> ledger().balance(customer) == 6000 - 2000);
        assertThat(ledger().held(customer)).isZero();
        assertThat(ledger().entries(customer)).containsExactly("EARNED 6000", "REDEEMED -2000");
        assertThat(api().release(order).text("status")).isEqualTo("SPENT");
        ledger().assertInvariant(customer);
    }

    @Test
    void holdsEveryPointAskedWhenTheTotalNeedsThemAllOrTheCallerSendsNoMaxDiscount() {
        UUID customer = UUID.randomUUID();
        earn(customer, 1000);

        Response underTheTotal = api().hold(UUID.randomUUID(), customer, 300, "89.97");
        Response withoutLimit = api().hold(UUID.randomUUID(), customer, 400);

        assertThat(underTheTotal.number("points")).isEqualTo(300);
        assertThat(underTheTotal.json().path("discount").path("amount").asString()).isEqualTo("3.00");
        assertThat(withoutLimit.number("points")).isEqualTo(400);
        assertThat(withoutLimit.json().path("discount").path("amount").asString()).isEqualTo("4.00");
        assertThat(ledger().held(customer)).isEqualTo(700);
    }

    @Test
    void aHoldNeedsOnlyTheAvailablePointsTheTotalCallsForAndAFreeOrderHoldsNone() {
        UUID customer = UUID.randomUUID();
        earn(customer, 1500);

        // 5000 asked would be refused; the 1000 a 10.00 order needs are there.
        Response held = api().hold(UUID.randomUUID(), customer, 5000, "10.00");
        Response free = api().hold(UUID.randomUUID(), customer, 5000, "0.00");

        assertThat(held.text("status")).isEqualTo("HELD");
        assertThat(held.number("points")).isEqualTo(1000);
        assertThat(free.text("status")).isEqualTo("HELD");
        assertThat(free.number("points")).isZero();
        assertThat(free.json().path("discount").path("amount").asString()).isEqualTo("0.00");
        assertThat(ledger().held(customer)).isEqualTo(1000);
    }

    @Test
    void spendsThePointsTheHoldRecordedEvenWhenTheConfirmationReportsMore() {
        UUID customer = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        earn(customer, 6000);
        api().hold(order, customer, 5000, "20.00");

        // As an order-service from before maxDiscount reported it: the points asked, not those held.
        events().send(confirmed(customer, order, "0.00", 5000));

        await().atMost(Duration.ofSeconds(30)).until(() -> ledger().held(customer) == 0);
        assertThat(ledger().balance(customer)).isEqualTo(4000);
        assertThat(ledger().entries(customer)).containsExactly("EARNED 6000", "REDEEMED -2000");
        assertThat(ledger().problems(customer)).isZero();
        ledger().assertInvariant(customer);
    }

    @Test
    void rejectsAHoldTheAvailablePointsCannotCoverAndTakesNothing() {
        UUID customer = UUID.randomUUID();
        earn(customer, 100);
        api().hold(UUID.randomUUID(), customer, 80);

        Response second = api().hold(UUID.randomUUID(), customer, 30);

        assertThat(second.status()).isEqualTo(200);
        assertThat(second.text("status")).isEqualTo("REJECTED");
        assertThat(second.text("reason")).isEqualTo("INSUFFICIENT_POINTS");
        assertThat(ledger().held(customer)).isEqualTo(80);
    }

    @Test
    void answersARepeatedHoldWithTheFirstOutcome() {
        UUID customer = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        earn(customer, 100);

        Response first = api().hold(order, customer, 60);
        Response again = api().hold(order, customer, 60);

        assertThat(again.json()).isEqualTo(first.json());
        assertThat(ledger().held(customer)).isEqualTo(60);
    }

    @Test
    void concurrentHoldsOnOneAccountNeverHoldMoreThanTheBalance() throws Exception {
        UUID customer = UUID.randomUUID();
        earn(customer, 1000);
        int requests = 16;
        var ready = new CountDownLatch(requests);
        List<Callable<Response>> holds = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            UUID order = UUID.randomUUID();
            holds.add(() -> {
                ready.countDown();
                ready.await();
                return api().hold(order, customer, 150);
            });
        }
        List<Response> responses = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(requests)) {
            for (Future<Response> future : pool.invokeAll(holds)) {
                responses.add(future.get());
            }
        }

        assertThat(responses).allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
        assertThat(responses.stream().filter(r -> "HELD".equals(r.text("status")))).hasSize(6);
        assertThat(ledger().held(customer)).isEqualTo(900);
        ledger().assertInvariant(customer);
    }

    @Test
    void spendsTheHoldWhenTheOrderIsConfirmedAndALaterReleaseChangesNothing() {
        UUID customer = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        earn(customer, 400);
        api().hold(order, customer, 200);

        ObjectNode confirmation = confirmed(customer, order, "10.00", 200);
        events().send(confirmation);

        await().atMost(Duration.ofSeconds(30)).until(() -> ledger().balance(customer) == 400 - 200 + 10);
        assertThat(ledger().held(customer)).isZero();
        assertThat(ledger().entries(customer)).containsExactly("EARNED 400", "REDEEMED -200", "EARNED 10");
        Response release = api().release(order);
        assertThat(release.text("status")).isEqualTo("SPENT");
        assertThat(ledger().balance(customer)).isEqualTo(210);
        ledger().assertInvariant(customer);
    }

    @Test
    void givesThePointsBackWhenTheCheckoutIsRejected() {
        UUID customer = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        earn(customer, 400);
        assertThat(api().hold(order, customer, 400).text("status")).isEqualTo("HELD");
        assertThat(api().get("/api/customers/me/loyalty",
                com.example.shop.platform.testsupport.TestTokens.customer(customer, "ada@example.com"))
                .number("available")).isZero();

        ObjectNode rejection = rejected(customer, order);
        events().send(rejection);

        await().atMost(Duration.ofSeconds(30)).until(() -> ledger().held(customer) == 0);
        assertThat(ledger().balance(customer)).isEqualTo(400);
        assertThat(api().release(order).text("status")).isEqualTo("RELEASED");
        assertThat(ledger().entries(customer)).containsExactly("EARNED 400");
    }

    @Test
    void releasesOnceWhetherOrderServiceOrTheEventComesFirst() {
        UUID customer = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        earn(customer, 100);
        api().hold(order, customer, 70);

        assertThat(api().release(order).text("status")).isEqualTo("RELEASED");
        ObjectNode rejection = rejected(customer, order);
        events().send(rejection);
        ledger().awaitProcessed(rejection);

        assertThat(ledger().held(customer)).isZero();
        assertThat(ledger().balance(customer)).isEqualTo(100);
    }

    @Test
    void refusesAHoldThatArrivesAfterItsOrderWasReleased() {
        UUID customer = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        earn(customer, 100);

        assertThat(api().release(order).text("status")).isEqualTo("NONE");
        Response late = api().hold(order, customer, 50);

        assertThat(late.text("status")).isEqualTo("REJECTED");
        assertThat(ledger().held(customer)).isZero();
    }

    @Test
    void spendsARedemptionWithoutAHoldWhenTheBalanceAllows() {
        UUID customer = UUID.randomUUID();
        earn(customer, 300);
        UUID order = UUID.randomUUID();

        events().send(confirmed(customer, order, "0.00", 120));

        await().atMost(Duration.ofSeconds(30)).until(() -> ledger().balance(customer) == 180);
        assertThat(ledger().problems(customer)).isZero();
        assertThat(api().release(order).text("status")).isEqualTo("SPENT");
    }

    @Test
    void neverGoesNegativeForARedemptionWithoutAHoldTheBalanceCannotCoverAndRecordsTheProblem() {
        UUID customer = UUID.randomUUID();
        earn(customer, 50);
        ObjectNode confirmation = confirmed(customer, UUID.randomUUID(), "0.00", 80);

        events().send(confirmation);
        ledger().awaitProcessed(confirmation);

        assertThat(ledger().balance(customer)).isZero();
        assertThat(ledger().entries(customer)).containsExactly("EARNED 50", "REDEEMED -50");
        assertThat(ledger().problems(customer)).isEqualTo(1);
        Response admin = api().get("/api/admin/loyalty/" + customer, com.example.shop.platform.testsupport.TestTokens.admin());
        assertThat(admin.json().path("problems").get(0).path("kind").asString()).isEqualTo("REDEMPTION_NOT_COVERED");
        assertThat(admin.json().path("problems").get(0).path("points").asLong()).isEqualTo(30);
        ledger().assertInvariant(customer);
    }
}
