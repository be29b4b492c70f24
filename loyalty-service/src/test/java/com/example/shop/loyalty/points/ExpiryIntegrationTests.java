package com.example.shop.loyalty.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import com.example.shop.contracts.loyalty.LoyaltyEvents;
import com.example.shop.contracts.loyalty.PointsMoved;
import com.example.shop.loyalty.LoyaltyIntegrationTest;
import com.example.shop.loyalty.ShopEvents;
import com.example.shop.platform.messaging.EventEnvelope;
import com.example.shop.platform.messaging.Events;
import com.example.shop.platform.testsupport.TopicRecorder;

import tools.jackson.databind.node.ObjectNode;

/**
 * Points expire twelve months after they were earned, oldest first, written off by the scheduled job (every
 * half second in tests). Earnings are dated at the order's confirmation, so an order confirmed 400 days ago
 * earns points that are already past their expiry.
 */
class ExpiryIntegrationTests extends LoyaltyIntegrationTest {

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

    @Autowired
    Ledger ledgerService;

    @Autowired
    Holds holds;

    @Autowired
    TransactionTemplate tx;

    private static ObjectNode confirmedDaysAgo(UUID customer, String amount, int days) {
        ObjectNode event = ShopEvents.confirmed(customer, UUID.randomUUID(), amount, 0);
        ((ObjectNode) event.get("data")).put("confirmedAt", Instant.now().minus(Duration.ofDays(days)).toString());
        return event;
    }

    @Test
    void writesOffPointsOlderThanTwelveMonthsAndKeepsNewerOnes() {
        UUID customer = UUID.randomUUID();
        events().send(confirmedDaysAgo(customer, "100.00", 400));
        events().send(confirmedDaysAgo(customer, "50.00", 10));

        await().atMost(Duration.ofSeconds(30)).until(() -> ledger().entries(customer).size() == 3);
        assertThat(ledger().entries(customer)).containsExactly("EARNED 100", "EARNED 50", "EXPIRED -100");
        assertThat(ledger().balance(customer)).isEqualTo(50);
        ledger().assertInvariant(customer);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<EventEnvelope> expired = published.valuesWithKey(customer.toString()).stream().map(wire::read)
                    .filter(e -> e.type().equals(LoyaltyEvents.POINTS_EXPIRED)).toList();
            assertThat(expired).hasSize(1);
            PointsMoved moved = wire.data(expired.getFirst(), PointsMoved.class);
            assertThat(moved.points()).isEqualTo(-100);
            assertThat(moved.balance()).isEqualTo(50);
            assertThat(moved.orderId()).isNull();
        });
    }

    @Test
    void spendsTheOldestPointsFirstSoOnlyWhatIsLeftOfThemExpires() {
        UUID customer = UUID.randomUUID();
        // In one transaction, holding the account's lock: the job skips the account until it commits.
        tx.executeWithoutResult(status -> {
            Account account = ledgerService.open(new CustomerId(customer)).orElseThrow();
            account = ledgerService.credit(account, EntryKind.EARNED, 100, null, UUID.randomUUID(), "TEST",
                    Instant.now().minus(Duration.ofDays(400)));
            account = ledgerService.credit(account, EntryKind.EARNED, 50, null, UUID.randomUUID(), "TEST", Instant.now());
            ledgerService.debit(account, EntryKind.REDEEMED, 30, null, UUID.randomUUID(), "TEST", null);
        });

        await().atMost(Duration.ofSeconds(30)).until(() -> ledger().entries(customer).size() == 4);
        assertThat(ledger().entries(customer)).endsWith("EXPIRED -70");
        assertThat(ledger().balance(customer)).isEqualTo(50);
        ledger().assertInvariant(customer);
    }

    @Test
    void doesNotExpirePointsHeldForACheckoutUntilTheHoldIsReleased() {
        UUID customer = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        tx.executeWithoutResult(status -> {
            Account account = ledgerService.open(new CustomerId(customer)).orElseThrow();
            ledgerService.credit(account, EntryKind.EARNED, 100, null, UUID.randomUUID(), "TEST",
                    Instant.now().minus(Duration.ofDays(400)));
            assertThat(holds.hold(new OrderId(order), new CustomerId(customer), 60, "EUR", null).status())
                    .isEqualTo(HoldStatus.HELD);
        });

        await().atMost(Duration.ofSeconds(30)).until(() -> ledger().balance(customer) == 60);
        assertThat(ledger().held(customer)).isEqualTo(60);
        assertThat(ledger().entries(customer)).containsExactly("EARNED 100", "EXPIRED -40");

        api().release(order);

        await().atMost(Duration.ofSeconds(30)).until(() -> ledger().balance(customer) == 0);
        assertThat(ledger().entries(customer)).containsExactly("EARNED 100", "EXPIRED -40", "EXPIRED -60");
        ledger().assertInvariant(customer);
    }

    @Test
    void aTierEarnedLongAgoIsNotKept() {
        UUID customer = UUID.randomUUID();
        events().send(confirmedDaysAgo(customer, "3000.00", 400));
        events().send(confirmedDaysAgo(customer, "10.00", 1));

        await().atMost(Duration.ofSeconds(30)).until(() -> ledger().balance(customer) == 10);
        var summary = api().get("/api/customers/me/loyalty",
                com.example.shop.platform.testsupport.TestTokens.customer(customer, "ada@example.com"));
        assertThat(summary.text("tier")).isEqualTo("BRONZE");
        assertThat(summary.number("pointsLast12Months")).isEqualTo(10);
    }
}
