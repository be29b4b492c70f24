package com.example.shop.loyalty.points;

import static com.example.shop.loyalty.ShopEvents.cancelled;
import static com.example.shop.loyalty.ShopEvents.confirmed;
import static com.example.shop.loyalty.ShopEvents.refunded;
import static com.example.shop.loyalty.ShopEvents.withNewId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.example.shop.loyalty.LoyaltyIntegrationTest;

import tools.jackson.databind.node.ObjectNode;

/** Cancellations and refunds take back earned points and give back redeemed ones, in any arrival order. */
class ReversalIntegrationTests extends LoyaltyIntegrationTest {

    private void earn(UUID customer, long points) {
        long before = ledger().balance(customer);
        events().send(confirmed(customer, UUID.randomUUID(), points + ".00", 0));
        await().atMost(Duration.ofSeconds(30)).until(() -> ledger().balance(customer) == before + points);
    }

    @Test
    void cancellationReversesEarnedAndRestoresRedeemedPoints() {
        UUID customer = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        earn(customer, 300);
        api().hold(order, customer, 100);
        events().send(confirmed(customer, order, "80.00", 100));
        await().atMost(Duration.ofSeconds(30)).until(() -> ledger().balance(customer) == 300 - 100 + 80);

        ObjectNode cancellation = cancelled(customer, order);
        events().send(cancellation);
        events().send(withNewId(cancellation));

        await().atMost(Duration.ofSeconds(30)).until(() -> ledger().balance(customer) == 300);
        assertThat(ledger().entries(customer))
                .containsExactly("EARNED 300", "REDEEMED -100", "EARNED 80", "RESTORED 100", "REVERSED -80");
        ledger().assertInvariant(customer);
    }

    @Test
    void cancellationOfPointsAlreadySpentStopsAtZeroAndRecordsTheRest() {
        UUID customer = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        events().send(confirmed(customer, order, "100.00", 0));
        await().atMost(Duration.ofSeconds(30)).until(() -> ledger().balance(customer) == 100);
        events().send(confirmed(customer, UUID.randomUUID(), "0.00", 70));
        await().atMost(Duration.ofSeconds(30)).until(() -> ledger().balance(customer) == 30);

        ObjectNode cancellation = cancelled(customer, order);
        events().send(cancellation);
        ledger().awaitProcessed(cancellation);

        assertThat(ledger().balance(customer)).isZero();
        assertThat(ledger().entries(customer)).endsWith("REVERSED -30");
        assertThat(ledger().problems(customer)).isEqualTo(1);
        ledger().assertInvariant(customer);
    }

    @Test
    void partialRefundsAddUpExactlyToWhatTheOrderEarnedAndRedeemed() {
        UUID customer = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        earn(customer, 400);
        api().hold(order, customer, 333);
        // 99.99 paid, 3.33 discount: 99 earned (BRONZE, under 500 points earned), 333 redeemed
        events().send(confirmed(customer, order, "99.99", 333));
        await().atMost(Duration.ofSeconds(30)).until(() -> ledger().balance(customer) == 400 - 333 + 99);

        ObjectNode first = refunded(customer, order, UUID.randomUUID(), "33.33", "33.33");
        ObjectNode second = refunded(customer, order, UUID.randomUUID(), "33.33", "66.66");
        ObjectNode last = refunded(customer, order, UUID.randomUUID(), "33.33", "99.99");
        events().send(first);
        events().send(withNewId(first));
        events().send(second);
        events().send(last);
        ledger().awaitProcessed(first, second, last);

        // 33.33/99.99 = 1/3: floor(99/3)=33 and floor(333/3)=111 per refund, the last takes the rest
        assertThat(ledger().entries(customer)).containsExactly("EARNED 400", "REDEEMED -333", "EARNED 99",
                "RESTORED 111", "REVERSED -33", "RESTORED 111", "REVERSED -33", "RESTORED 111", "REVERSED -33");
        assertThat(ledger().balance(customer)).isEqualTo(400);
        ledger().assertInvariant(customer);
    }

    @Test
    void unevenRefundsRoundDownUntilTheLastOneTakesTheRest() {
        UUID customer = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        events().send(confirmed(customer, order, "10.00", 0));
        await().atMost(Duration.ofSeconds(30)).until(() -> ledger().balance(customer) == 10);

        ObjectNode first = refunded(customer, order, UUID.randomUUID(), "2.50", "2.50");
        ObjectNode second = refunded(customer, order, UUID.randomUUID(), "2.50", "5.00");
        events().send(first);
        events().send(second);
        ledger().awaitProcessed(first, second);
        assertThat(ledger().balance(customer)).isEqualTo(5);

        ObjectNode last = refunded(customer, order, UUID.randomUUID(), "5.00", "10.00");
        events().send(last);
        ledger().awaitProcessed(last);
        assertThat(ledger().balance(customer)).isZero();
        assertThat(ledger().entries(customer)).containsExactly("EARNED 10", "REVERSED -2", "REVERSED -3", "REVERSED -5");
    }

    @Test
    void aRefundThatArrivesBeforeTheConfirmationIsAppliedWhenTheConfirmationArrives() {
        UUID customer = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        ObjectNode refund = refunded(customer, order, UUID.randomUUID(), "20.00", "20.00");
        events().send(refund);
        ledger().awaitProcessed(refund);
        assertThat(ledger().entries(customer)).isEmpty();

        events().send(confirmed(customer, order, "40.00", 0));

        await().atMost(Duration.ofSeconds(30)).until(() -> ledger().entries(customer).size() == 2);
        assertThat(ledger().entries(customer)).containsExactly("EARNED 40", "REVERSED -20");
        ledger().assertInvariant(customer);
    }

    @Test
    void aCancellationThatArrivesBeforeTheConfirmationLeavesNothingOnceBothAreIn() {
        UUID customer = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        earn(customer, 200);
        ObjectNode cancellation = cancelled(customer, order);
        events().send(cancellation);
        ledger().awaitProcessed(cancellation);

        ObjectNode confirmation = confirmed(customer, order, "50.00", 150);
        events().send(confirmation);
        events().send(withNewId(confirmation));

        await().atMost(Duration.ofSeconds(30)).until(() -> ledger().entries(customer).size() == 5);
        assertThat(ledger().balance(customer)).isEqualTo(200);
        assertThat(ledger().entries(customer))
                .containsExactly("EARNED 200", "REDEEMED -150", "EARNED 50", "RESTORED 150", "REVERSED -50");
        ledger().assertInvariant(customer);
    }

    @Test
    void aRefundAfterTheCancellationTakesNothingMore() {
        UUID customer = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        events().send(confirmed(customer, order, "30.00", 0));
        events().send(cancelled(customer, order));
        ObjectNode refund = refunded(customer, order, UUID.randomUUID(), "30.00", "30.00");
        events().send(refund);
        ledger().awaitProcessed(refund);

        assertThat(ledger().entries(customer)).containsExactly("EARNED 30", "REVERSED -30");
    }
}
