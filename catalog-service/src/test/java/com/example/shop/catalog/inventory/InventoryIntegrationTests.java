package com.example.shop.catalog.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.json.JsonMapper;

import com.example.shop.catalog.CatalogAdmin;
import com.example.shop.catalog.CatalogIntegrationTest;
import com.example.shop.catalog.inventory.InventoryFixture.Figures;
import com.example.shop.catalog.inventory.messaging.OrderEventMessages;
import com.example.shop.catalog.product.ProductCatalog;
import com.example.shop.catalog.product.ProductId;
import com.example.shop.catalog.product.StockBelowReservedException;
import com.example.shop.catalog.product.VariantId;
import com.example.shop.platform.testsupport.TestTokens;

class InventoryIntegrationTests extends CatalogIntegrationTest implements ReservationCalls {

    @Autowired
    RestTestClient client;

    @Autowired
    Reservations reservations;

    @Autowired
    ProductCatalog catalog;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    @Autowired
    JsonMapper json;

    private InventoryFixture stock;
    private OrderEventMessages messages;

    private final ExecutorService pool = Executors.newFixedThreadPool(50);

    @Override
    public RestTestClient client() {
        return client;
    }

    @Override
    public ExecutorService threads() {
        return pool;
    }

    @AfterEach
    void stopThreads() {
        pool.shutdownNow();
    }

    @BeforeEach
    void fixture() {
        stock = new InventoryFixture(catalog, jdbc);
        messages = new OrderEventMessages(json);
    }

    @Test
    void fiftyConcurrentOrdersForTheLastFiveUnitsReserveExactlyFive() throws Exception {
        UUID variant = stock.variant(5);

        List<Outcome> outcomes = concurrently(50, i -> reserve(UUID.randomUUID(), line(variant, 1)));

        assertThat(outcomes).filteredOn(o -> o.status().equals("RESERVED")).hasSize(5);
        assertThat(outcomes).filteredOn(o -> o.status().equals("REJECTED")).hasSize(45);
        assertThat(stock.figures(variant)).isEqualTo(new Figures(5, 5, 0));
        stock.assertInvariant(variant);
    }

    @Test
    void aReservationExpiresAfterTheConfiguredFifteenMinutes() {
        UUID variant = stock.variant(5);
        UUID order = UUID.randomUUID();
        Instant before = Instant.now();

        reserve(order, line(variant, 2));

        Instant expiresAt = jdbc.sql("select expires_at from reservation where order_id = ?").param(order)
                .query(java.sql.Timestamp.class).single().toInstant();
        assertThat(expiresAt).isBetween(before.plus(Duration.ofMinutes(15)).minusSeconds(1),
                Instant.now().plus(Duration.ofMinutes(15)));
        reservations.expireDue(Instant.now());
        assertThat(stock.status(order)).isEqualTo("RESERVED");
    }

    @Test
    void theExpiryJobGivesTheStockOfAnOverdueReservationBackOnItsOwn() {
        UUID variant = stock.variant(5);
        UUID order = UUID.randomUUID();
        reserve(order, line(variant, 3));
        assertThat(stock.figures(variant)).isEqualTo(new Figures(5, 3, 2));

        stock.backdate(order);

        await().atMost(Duration.ofSeconds(10)).until(() -> stock.status(order).equals("EXPIRED"));
        assertThat(stock.figures(variant)).isEqualTo(new Figures(5, 0, 5));
        assertThat(stock.movements(order, "EXPIRED")).isOne();
        stock.assertInvariant(variant);
    }

    @Test
    void concurrentExpiryJobsAndReleasesGiveEachReservationsStockBackOnce() throws Exception {
        UUID variant = stock.variant(20);
        List<UUID> orders = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            UUID order = UUID.randomUUID();
            assertThat(reserve(order, line(variant, 2)).status()).isEqualTo("RESERVED");
            orders.add(order);
        }
        assertThat(stock.figures(variant)).isEqualTo(new Figures(20, 20, 0));
        orders.forEach(stock::backdate);

        // Four expiry jobs (as on four replicas, next to the service's own) race with a release of every order.
        concurrently(14, i -> i < 4
                ? new Outcome(null, Integer.toString(reservations.expireDue(Instant.now())))
                : release(orders.get(i - 4)));

        assertThat(stock.figures(variant)).isEqualTo(new Figures(20, 0, 20));
        for (UUID order : orders) {
            assertThat(stock.status(order)).isIn("EXPIRED", "RELEASED");
            assertThat(stock.movements(order, "EXPIRED") + stock.movements(order, "RELEASED")).isOne();
        }
        stock.assertInvariant(variant);
    }

    @Test
    void releasingAnExpiredReservationChangesNothingAndAnswersExpired() {
        UUID variant = stock.variant(4);
        UUID order = UUID.randomUUID();
        reserve(order, line(variant, 4));
        stock.backdate(order);
        reservations.expireDue(Instant.now());
        await().atMost(Duration.ofSeconds(10)).until(() -> stock.status(order).equals("EXPIRED"));
        // The units are sold to someone else meanwhile; a late release must not give them back again.
        assertThat(reserve(UUID.randomUUID(), line(variant, 4)).status()).isEqualTo("RESERVED");

        assertThat(release(order).status()).isEqualTo("EXPIRED");
        // A late confirmation cannot take the units again either: they are reserved for the other order.
        assertThat(commit(order).status()).isEqualTo("EXPIRED");

        assertThat(stock.figures(variant)).isEqualTo(new Figures(4, 4, 0));
        assertThat(stock.movements(order, "RELEASED")).isZero();
        stock.assertInvariant(variant);
    }

    @Test
    void aCommitAfterExpiryTakesTheUnitsAgainWhenTheyAreStillAvailable() {
        UUID variant = stock.variant(6);
        UUID order = UUID.randomUUID();
        reserve(order, line(variant, 2));
        stock.backdate(order);
        reservations.expireDue(Instant.now());
        await().atMost(Duration.ofSeconds(10)).until(() -> stock.status(order).equals("EXPIRED"));

        assertThat(commit(order).status()).isEqualTo("COMMITTED");
        assertThat(commit(order).status()).isEqualTo("COMMITTED");
        assertThat(release(order).status()).isEqualTo("COMMITTED");

        assertThat(stock.figures(variant)).isEqualTo(new Figures(4, 0, 4));
        assertThat(stock.movements(order, "COMMITTED")).isOne();
        stock.assertInvariant(variant);
    }

    @Test
    void aReservationRetriedAfterItExpiredReservesAgainOnlyIfTheUnitsAreStillAvailable() {
        UUID variant = stock.variant(3);
        UUID order = UUID.randomUUID();
        reserve(order, line(variant, 2));
        stock.backdate(order);
        reservations.expireDue(Instant.now());
        await().atMost(Duration.ofSeconds(10)).until(() -> stock.status(order).equals("EXPIRED"));
        UUID other = UUID.randomUUID();
        reserve(other, line(variant, 2));

        assertThat(reserve(order, line(variant, 2)).status()).isEqualTo("REJECTED");
        assertThat(stock.status(order)).isEqualTo("EXPIRED");
        release(other);

        assertThat(reserve(order, line(variant, 2)).status()).isEqualTo("RESERVED");
        assertThat(reserve(order, line(variant, 2)).status()).isEqualTo("RESERVED");
        assertThat(stock.figures(variant)).isEqualTo(new Figures(3, 2, 1));
        stock.assertInvariant(variant);
    }

    @Test
    void committingTwiceTakesTheUnitsOutOfStockOnce() {
        UUID variant = stock.variant(10);
        UUID order = UUID.randomUUID();
        reserve(order, line(variant, 3));

        assertThat(commit(order).status()).isEqualTo("COMMITTED");
        assertThat(commit(order).status()).isEqualTo("COMMITTED");

        assertThat(stock.figures(variant)).isEqualTo(new Figures(7, 0, 7));
        assertThat(stock.movements(order, "COMMITTED")).isOne();
        stock.assertInvariant(variant);
    }

    @Test
    void concurrentCommitsAndReleasesOfOneReservationEndItOnce() throws Exception {
        UUID variant = stock.variant(10);
        UUID order = UUID.randomUUID();
        reserve(order, line(variant, 4));

        List<Outcome> outcomes = concurrently(20, i -> i % 2 == 0 ? commit(order) : release(order));

        String end = stock.status(order);
        assertThat(end).isIn("COMMITTED", "RELEASED");
        assertThat(outcomes).extracting(Outcome::status).containsOnly(end);
        assertThat(stock.figures(variant)).isEqualTo(end.equals("COMMITTED") ? new Figures(6, 0, 6)
                : new Figures(10, 0, 10));
        stock.assertInvariant(variant);
    }

    @Test
    void aCommittedReservationNeitherExpiresNorComesBackOnRelease() {
        UUID variant = stock.variant(5);
        UUID order = UUID.randomUUID();
        reserve(order, line(variant, 2));
        commit(order);
        stock.backdate(order);

        reservations.expireDue(Instant.now());
        assertThat(release(order).status()).isEqualTo("COMMITTED");

        assertThat(stock.figures(variant)).isEqualTo(new Figures(3, 0, 3));
        stock.assertInvariant(variant);
    }

    @Test
    void committingAnUnknownOrRejectedReservationChangesNothing() {
        UUID variant = stock.variant(1);
        UUID rejected = UUID.randomUUID();
        reserve(rejected, line(variant, 2));

        assertThat(commit(rejected).status()).isEqualTo("REJECTED");
        assertThat(commit(UUID.randomUUID()).status()).isEqualTo("UNKNOWN");

        assertThat(stock.figures(variant)).isEqualTo(new Figures(1, 0, 1));
    }

    @Test
    void settingOnHandKeepsTheReservedUnitsAndRefusesToGoBelowThem() {
        UUID variant = stock.variant(10);
        reserve(UUID.randomUUID(), line(variant, 3));

        client.put().uri("/api/products/variants/{id}/stock", variant)
                .header(HttpHeaders.AUTHORIZATION, CatalogAdmin.bearer()).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("onHand", 8))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.onHand").isEqualTo(8).jsonPath("$.reserved").isEqualTo(3)
                .jsonPath("$.available").isEqualTo(5);
        client.put().uri("/api/products/variants/{id}/stock", variant)
                .header(HttpHeaders.AUTHORIZATION, CatalogAdmin.bearer()).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("onHand", 2))
                .exchange().expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);

        assertThat(stock.figures(variant)).isEqualTo(new Figures(8, 3, 5));
        stock.assertInvariant(variant);
    }

    @Test
    void theFirstVersionsStockEndpointSetsWhatCanBeSoldAndKeepsTheReservedUnits() {
        UUID variant = stock.variant(10);
        reserve(UUID.randomUUID(), line(variant, 4));

        client.put().uri("/api/products/{id}/stock", variant)
                .header(HttpHeaders.AUTHORIZATION, CatalogAdmin.bearer()).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("available", 20))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.available").isEqualTo(20);

        assertThat(stock.figures(variant)).isEqualTo(new Figures(24, 4, 20));
        stock.assertInvariant(variant);
    }

    @Test
    void theLedgerListsEveryMovementWithItsReasonForAdministratorsOnly() {
        UUID variant = stock.variant(10);
        UUID order = UUID.randomUUID();
        reserve(order, line(variant, 2));
        commit(order);
        catalog.setOnHand(new VariantId(variant), 12);

        client.get().uri("/api/products/variants/{id}/stock/movements", variant)
                .header(HttpHeaders.AUTHORIZATION, CatalogAdmin.bearer())
                .exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$[*].reason").isEqualTo(List.of("ADJUSTED", "COMMITTED", "RESERVED", "INITIAL"))
                .jsonPath("$[0].deltaOnHand").isEqualTo(4)
                .jsonPath("$[1].orderId").isEqualTo(order.toString());
        client.get().uri("/api/products/variants/{id}/stock", variant)
                .header(HttpHeaders.AUTHORIZATION, CatalogAdmin.bearer())
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.onHand").isEqualTo(12);
        client.get().uri("/api/products/variants/{id}/stock", variant).exchange().expectStatus().isUnauthorized();
        client.get().uri("/api/products/variants/{id}/stock/movements", variant)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.customer(UUID.randomUUID(), "eve@example.com"))
                .exchange().expectStatus().isForbidden();
        client.get().uri("/api/products/variants/{id}/stock", UUID.randomUUID())
                .header(HttpHeaders.AUTHORIZATION, CatalogAdmin.bearer())
                .exchange().expectStatus().isNotFound();
    }

    @Test
    void keepsTheInvariantUnderRandomConcurrentReservationsLifecycleEventsExpiriesAndAdjustments() throws Exception {
        List<UUID> variants = List.of(stock.variant(15), stock.variant(15), stock.variant(15));
        List<UUID> orders = new CopyOnWriteArrayList<>();
        Map<UUID, Map<UUID, Integer>> linesOf = new ConcurrentHashMap<>();
        // Event ids and return ids are drawn from shared pools, so the same event or return also arrives twice,
        // from several threads at once.
        List<String> delivered = new CopyOnWriteArrayList<>();
        List<UUID> returnIds = new CopyOnWriteArrayList<>();
        long seed = System.nanoTime();

        concurrently(16, thread -> {
            Random random = new Random(seed + thread);
            for (int i = 0; i < 25; i++) {
                UUID variant = variants.get(random.nextInt(variants.size()));
                UUID known = orders.isEmpty() ? UUID.randomUUID() : orders.get(random.nextInt(orders.size()));
                switch (random.nextInt(12)) {
                    case 0, 1 -> {
                        UUID order = UUID.randomUUID();
                        int quantity = 1 + random.nextInt(3);
                        UUID other = variants.get(random.nextInt(3));
                        Map<UUID, Integer> lines = new HashMap<>(Map.of(variant, quantity));
                        lines.merge(other, 1, Integer::sum);
                        linesOf.put(order, lines);
                        orders.add(order);
                        reservations.reserve(new OrderId(order), List.of(
                                new ReservationLine(new ProductId(variant), quantity),
                                new ReservationLine(new ProductId(other), 1)));
                    }
                    case 2 -> reservations.release(new OrderId(known));
                    case 3 -> reservations.commit(new OrderId(known));
                    case 4 -> {
                        stock.backdate(known);
                        reservations.expireDue(Instant.now());
                    }
                    case 5 -> catalog.setStock(new VariantId(variant), random.nextInt(10));
                    case 6 -> {
                        try {
                            catalog.setOnHand(new VariantId(variant), random.nextInt(20));
                        }
                        catch (StockBelowReservedException expected) {
                            // Refused without a change; the invariant check below covers that too.
                        }
                    }
                    case 7 -> deliver(delivered, random, messages.confirmed(UUID.randomUUID(), known));
                    case 8 -> deliver(delivered, random, messages.shipped(UUID.randomUUID(), known));
                    case 9 -> deliver(delivered, random, messages.cancelled(UUID.randomUUID(), known));
                    case 10 -> {
                        UUID returnId = returnIds.isEmpty() || random.nextBoolean() ? UUID.randomUUID()
                                : returnIds.get(random.nextInt(returnIds.size()));
                        returnIds.add(returnId);
                        deliver(delivered, random, messages.returnReceived(UUID.randomUUID(), known, returnId,
                                random.nextInt(4) > 0, linesOf.getOrDefault(known, Map.of(variant, 1))));
                    }
                    default -> {
                        if (!delivered.isEmpty()) {
                            OrderEventMessages.deliver(context, delivered.get(random.nextInt(delivered.size())));
                        }
                    }
                }
            }
            return new Outcome(null, "done");
        });

        for (UUID variant : variants) {
            stock.assertInvariant(variant);
        }
        assertThat(orders).as("seed %d", seed).isNotEmpty();
    }

    /** Hands the event to the listener, and sometimes an earlier one again (a redelivery). */
    private void deliver(List<String> delivered, Random random, String event) {
        delivered.add(event);
        OrderEventMessages.deliver(context, event);
        if (random.nextInt(4) == 0) {
            OrderEventMessages.deliver(context, delivered.get(random.nextInt(delivered.size())));
        }
    }

    @Test
    void aConfirmedReservationDoesNotExpireAndIsCommittedOrReleasedByTheEndpoints() {
        UUID variant = stock.variant(10);
        UUID shipped = UUID.randomUUID();
        UUID cancelled = UUID.randomUUID();
        reserve(shipped, line(variant, 2));
        reserve(cancelled, line(variant, 3));
        reservations.confirm(new OrderId(shipped));
        reservations.confirm(new OrderId(cancelled));
        stock.backdate(shipped);
        stock.backdate(cancelled);

        reservations.expireDue(Instant.now());
        assertThat(stock.figures(variant)).isEqualTo(new Figures(10, 5, 5));
        // order-service only knows RESERVED|REJECTED: asking again for a confirmed reservation answers RESERVED.
        assertThat(reserve(shipped, line(variant, 2)).status()).isEqualTo("RESERVED");

        assertThat(commit(shipped).status()).isEqualTo("COMMITTED");
        assertThat(release(cancelled).status()).isEqualTo("RELEASED");
        assertThat(release(cancelled).status()).isEqualTo("RELEASED");

        assertThat(stock.figures(variant)).isEqualTo(new Figures(8, 0, 8));
        stock.assertInvariant(variant);
    }

    @Test
    void aShipmentAfterItsReservationExpiredTakesTheUnitsFromWhatIsAvailable() {
        UUID variant = stock.variant(5);
        UUID order = UUID.randomUUID();
        reserve(order, line(variant, 2));
        stock.backdate(order);
        reservations.expireDue(Instant.now());
        assertThat(stock.status(order)).isEqualTo("EXPIRED");

        assertThat(reservations.ship(new OrderId(order))).contains(ReservationStatus.COMMITTED);
        assertThat(reservations.ship(new OrderId(order))).contains(ReservationStatus.COMMITTED);

        assertThat(stock.figures(variant)).isEqualTo(new Figures(3, 0, 3));
        assertThat(stock.movements(order, "COMMITTED")).isOne();
        assertThat(stock.shortfall(order)).isZero();
        stock.assertInvariant(variant);
    }

    @Test
    void aShipmentWhoseUnitsWereSoldMeanwhileTakesWhatIsLeftAndRecordsTheShortfall() {
        UUID variant = stock.variant(4);
        UUID order = UUID.randomUUID();
        reserve(order, line(variant, 3));
        assertThat(release(order).status()).isEqualTo("RELEASED");
        UUID other = UUID.randomUUID();
        reserve(other, line(variant, 3));

        // The parcel left anyway: one unit comes out of available, the other two cannot come out of the units
        // the other order holds.
        assertThat(reservations.ship(new OrderId(order))).contains(ReservationStatus.COMMITTED);
        assertThat(reservations.ship(new OrderId(order))).contains(ReservationStatus.COMMITTED);

        assertThat(stock.figures(variant)).isEqualTo(new Figures(3, 3, 0));
        assertThat(stock.shortfall(order)).isEqualTo(2);
        assertThat(stock.status(other)).isEqualTo("RESERVED");
        stock.assertInvariant(variant);
    }

    @Test
    void aConfirmationAfterExpiryHoldsTheUnitsAgainWhenTheyAreStillAvailable() {
        UUID variant = stock.variant(6);
        UUID order = UUID.randomUUID();
        reserve(order, line(variant, 2));
        stock.backdate(order);
        reservations.expireDue(Instant.now());

        assertThat(reservations.confirm(new OrderId(order))).contains(ReservationStatus.CONFIRMED);
        reservations.expireDue(Instant.now());

        assertThat(stock.status(order)).isEqualTo("CONFIRMED");
        assertThat(stock.figures(variant)).isEqualTo(new Figures(6, 2, 4));
        stock.assertInvariant(variant);
    }

    @Test
    void theTableItselfRefusesNegativeFigures() {
        UUID variant = stock.variant(3);

        for (String change : List.of("available = -1", "reserved = -1", "available = available - 4, reserved = reserved + 0")) {
            assertThatThrownBy(() -> jdbc.sql("update variant set " + change + " where id = ?").param(variant).update())
                    .as(change)
                    .isInstanceOf(DataIntegrityViolationException.class);
        }
        assertThat(stock.figures(variant)).isEqualTo(new Figures(3, 0, 3));
    }

}
