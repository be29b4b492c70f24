package com.example.shop.loyalty.points;

import static com.example.shop.loyalty.ShopEvents.confirmed;
import static com.example.shop.loyalty.ShopEvents.confirmedWithoutAmountDue;
import static com.example.shop.loyalty.ShopEvents.withNewId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.example.shop.contracts.loyalty.LoyaltyEvents;
import com.example.shop.contracts.loyalty.PointsMoved;
import com.example.shop.contracts.loyalty.TierChanged;
import com.example.shop.loyalty.LedgerChecks;
import com.example.shop.loyalty.LoyaltyIntegrationTest;
import com.example.shop.loyalty.ShopEvents;
import com.example.shop.platform.messaging.EventEnvelope;
import com.example.shop.platform.messaging.Events;
import com.example.shop.platform.testsupport.TopicRecorder;

import tools.jackson.databind.node.ObjectNode;

/** Points earned on order.confirmed.v1, sent through the real broker: once per order, by tier. */
class EarningIntegrationTests extends LoyaltyIntegrationTest {

    private static TopicRecorder published;

    @BeforeAll
    static void recordLoyaltyEvents() {
        published = new TopicRecorder(LoyaltyEvents.TOPIC);
    }

    @AfterAll
    static void stopRecording() {
        published.close();
    }

    @Autowired
    Events wire;

    private List<EventEnvelope> publishedFor(UUID customer) {
        return published.valuesWithKey(customer.toString()).stream().map(wire::read).toList();
    }

    @Test
    void earnsOnePointPerWholeUnitOfTheAmountDueAndPublishesPointsEarned() {
        UUID customer = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        ObjectNode event = confirmed(customer, order, "59.97", 0);

        events().send(event);

        await().atMost(Duration.ofSeconds(30)).until(() -> ledger().balance(customer) == 59);
        assertThat(ledger().entries(customer)).containsExactly("EARNED 59");
        ledger().assertInvariant(customer);
        await().atMost(Duration.ofSeconds(30)).until(() -> publishedFor(customer).size() == 1);
        EventEnvelope envelope = publishedFor(customer).getFirst();
        assertThat(envelope.type()).isEqualTo(LoyaltyEvents.POINTS_EARNED);
        PointsMoved moved = wire.data(envelope, PointsMoved.class);
        assertThat(moved.points()).isEqualTo(59);
        assertThat(moved.balance()).isEqualTo(59);
        assertThat(moved.orderId()).isEqualTo(order);
        assertThat(moved.sourceEventId()).isEqualTo(ShopEvents.id(event));
    }

    @Test
    void countsAConfirmationDeliveredTwiceOnce() {
        UUID customer = UUID.randomUUID();
        ObjectNode event = confirmed(customer, UUID.randomUUID(), "20.50", 0);

        events().send(event);
        events().send(event);
        ledger().awaitProcessed(event);
        ObjectNode later = confirmed(customer, UUID.randomUUID(), "1.00", 0);
        events().send(event.get("subject").asString(), later);

        await().atMost(Duration.ofSeconds(30)).until(() -> ledger().balance(customer) == 21);
        assertThat(ledger().entries(customer)).containsExactly("EARNED 20", "EARNED 1");
        ledger().assertInvariant(customer);
    }

    @Test
    void countsAnOrderConfirmedUnderTwoEventIdsOnce() {
        UUID customer = UUID.randomUUID();
        ObjectNode first = confirmed(customer, UUID.randomUUID(), "30.00", 0);
        ObjectNode second = withNewId(first);

        events().send(first);
        events().send(second);

        ledger().awaitProcessed(first, second);
        assertThat(ledger().balance(customer)).isEqualTo(30);
        assertThat(ledger().entries(customer)).containsExactly("EARNED 30");
    }

    @Test
    void earnsOnTheTotalForConfirmationsFromBeforeCheckoutDiscounts() {
        UUID customer = UUID.randomUUID();
        ObjectNode event = confirmedWithoutAmountDue(customer, UUID.randomUUID(), "42.99");

        events().send(event);

        await().atMost(Duration.ofSeconds(30)).until(() -> ledger().balance(customer) == 42);
    }

    @Test
    void earnsNothingForLessThanOneWholeUnit() {
        UUID customer = UUID.randomUUID();
        ObjectNode event = confirmed(customer, UUID.randomUUID(), "0.99", 0);

        events().send(event);

        ledger().awaitProcessed(event);
        assertThat(ledger().entries(customer)).isEmpty();
    }

    @Test
    void movesUpToSilverAndGoldAndMultipliesLaterEarnings() {
        UUID customer = UUID.randomUUID();
        LedgerChecks ledger = ledger();

        events().send(confirmed(customer, UUID.randomUUID(), "499.99", 0));
        await().atMost(Duration.ofSeconds(30)).until(() -> ledger.balance(customer) == 499);
        events().send(confirmed(customer, UUID.randomUUID(), "1.00", 0));
        await().atMost(Duration.ofSeconds(30)).until(() -> ledger.balance(customer) == 500);
        // SILVER now: 100 x 1.25
        events().send(confirmed(customer, UUID.randomUUID(), "100.00", 0));
        await().atMost(Duration.ofSeconds(30)).until(() -> ledger.balance(customer) == 625);
        // 3 x 1.25 = 3.75, rounded down
        events().send(confirmed(customer, UUID.randomUUID(), "3.50", 0));
        await().atMost(Duration.ofSeconds(30)).until(() -> ledger.balance(customer) == 628);
        events().send(confirmed(customer, UUID.randomUUID(), "1500.00", 0));
        await().atMost(Duration.ofSeconds(30)).until(() -> ledger.balance(customer) == 628 + 1875);
        // GOLD now: 10 x 1.5
        events().send(confirmed(customer, UUID.randomUUID(), "10.00", 0));
        await().atMost(Duration.ofSeconds(30)).until(() -> ledger.balance(customer) == 628 + 1875 + 15);

        ledger.assertInvariant(customer);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(publishedFor(customer).stream()
                .filter(e -> e.type().equals(LoyaltyEvents.TIER_CHANGED))
                .map(e -> wire.data(e, TierChanged.class))
                .map(t -> t.from() + "->" + t.to() + "@" + t.pointsLast12Months()))
                .containsExactly("BRONZE->SILVER@500", "SILVER->GOLD@2503"));
    }
}
