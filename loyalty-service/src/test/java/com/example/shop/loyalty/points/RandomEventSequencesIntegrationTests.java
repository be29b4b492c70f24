package com.example.shop.loyalty.points;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.example.shop.loyalty.LedgerChecks;
import com.example.shop.loyalty.LoyaltyIntegrationTest;
import com.example.shop.loyalty.ShopEvents;

import tools.jackson.databind.node.ObjectNode;

/**
 * Many customers, each with random orders (with or without redeemed points, held or not), random
 * cancellations and partial refunds, sent with duplicates (same id and new id) and partly under random keys so
 * they overtake each other on the broker. Whatever the order of arrival: balance = sum of the ledger = the
 * lots' remainder >= held >= 0, a cancelled or fully refunded order has given back all it earned and redeemed,
 * and a customer without problems ends with exactly what the orders that stand earned less what they redeemed.
 */
class RandomEventSequencesIntegrationTests extends LoyaltyIntegrationTest {

    private static final long SEED = Long.getLong("loyalty.random.seed", System.nanoTime());

    @Autowired
    JdbcClient jdbc;

    /** What one order does, and what it should leave on the balance once everything has arrived. */
    private record Plan(List<ObjectNode> events, long expectedNet, long held) {
    }

    @Test
    void everyArrivalOrderKeepsTheLedgerWhole() {
        var random = new Random(SEED);
        List<UUID> customers = new ArrayList<>();
        List<ObjectNode> all = new ArrayList<>();
        Map<UUID, Long> expected = new java.util.HashMap<>();
        for (int c = 0; c < 40; c++) {
            UUID customer = UUID.randomUUID();
            customers.add(customer);
            // A first order everyone has points from, confirmed before anything else happens.
            long start = 100 + random.nextInt(100);
            ObjectNode first = ShopEvents.confirmed(customer, UUID.randomUUID(), start + ".00", 0);
            events().send(first);
            all.add(first);
            expected.put(customer, start);
        }
        ledger().awaitProcessed(all);

        List<ObjectNode> sent = new ArrayList<>();
        for (UUID customer : customers) {
            long available = ledger().balance(customer);
            List<ObjectNode> sequence = new ArrayList<>();
            int orders = 1 + random.nextInt(3);
            long net = 0;
            for (int o = 0; o < orders; o++) {
                Plan plan = order(random, customer, available);
                available -= plan.held();
                net += plan.expectedNet();
                sequence.addAll(plan.events());
            }
            expected.merge(customer, net, Long::sum);
            // Shuffle across orders, keeping most of each order's own events in order: the key decides.
            Collections.shuffle(sequence, random);
            for (ObjectNode event : sequence) {
                boolean overtakes = random.nextInt(4) == 0;
                events().send(overtakes ? UUID.randomUUID().toString() : event.get("subject").asString(), event);
                if (random.nextInt(5) == 0) {
                    events().send(event);
                }
            }
            sent.addAll(sequence);
        }
        ledger().awaitProcessed(sent);

        LedgerChecks ledger = ledger();
        for (UUID customer : customers) {
            ledger.assertInvariant(customer);
            assertThat(ledger.held(customer)).as("seed %d", SEED).isZero();
            if (ledger.problems(customer) == 0) {
                assertThat(ledger.balance(customer)).as("balance of %s, seed %d", customer, SEED)
                        .isEqualTo(expected.get(customer));
            }
        }
        List<Map<String, Object>> unsettled = jdbc.sql("""
                select order_id from loyalty_order
                where customer_id in (:customers)
                  and (cancelled or refunded >= amount_due)
                  and (points_reversed + points_unrecoverable <> points_earned or points_restored <> points_redeemed)
                """).param("customers", customers).query().listOfRows();
        assertThat(unsettled).as("seed %d", SEED).isEmpty();
        assertThat(jdbc.sql("select count(*) from loyalty_parked_event where customer_id in (:customers)")
                .param("customers", customers).query(Long.class).single()).isZero();
    }

    /**
     * One order: perhaps points held over HTTP now (then confirmed or rejected), then perhaps cancelled or
     * refunded in two parts (or one), each event possibly also sent under a new id.
     */
    private Plan order(Random random, UUID customer, long available) {
        UUID order = UUID.randomUUID();
        List<ObjectNode> events = new ArrayList<>();
        long redeem = available > 0 && random.nextBoolean() ? random.nextLong(Math.min(available, 300) + 1) : 0;
        if (redeem > 0) {
            String status = api().hold(order, customer, redeem).text("status");
            assertThat(status).isEqualTo("HELD");
        }
        if (redeem > 0 && random.nextInt(4) == 0) {
            events.add(ShopEvents.rejected(customer, order));
            return new Plan(events, 0, redeem);
        }
        long cents = 100 + random.nextInt(9900);
        BigDecimal due = BigDecimal.valueOf(cents, 2);
        ObjectNode confirmed = ShopEvents.confirmed(customer, order, due.toPlainString(), redeem);
        events.add(confirmed);
        if (random.nextInt(5) == 0) {
            events.add(ShopEvents.withNewId(confirmed));
        }
        // At most 199 + 3 x 99 points earned: everyone stays BRONZE, so what an order earns does not depend
        // on the order in which the others arrived.
        long earned = due.setScale(0, RoundingMode.FLOOR).longValueExact();
        long net = earned - redeem;
        switch (random.nextInt(3)) {
            case 0 -> {
                events.add(ShopEvents.cancelled(customer, order));
                net = 0;
            }
            case 1 -> {
                long part = 1 + random.nextLong(cents);
                BigDecimal first = BigDecimal.valueOf(part, 2);
                events.add(ShopEvents.refunded(customer, order, UUID.randomUUID(), first.toPlainString(),
                        first.toPlainString()));
                if (part < cents) {
                    events.add(ShopEvents.refunded(customer, order, UUID.randomUUID(),
                            due.subtract(first).toPlainString(), due.toPlainString()));
                }
                net = 0;
            }
            default -> {
                // the order stands
            }
        }
        return new Plan(events, net, redeem);
    }
}
