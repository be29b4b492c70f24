package com.example.shop.catalog.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import com.example.shop.catalog.CatalogIntegrationTest;
import com.example.shop.catalog.product.Money;
import com.example.shop.catalog.product.NewProduct;
import com.example.shop.catalog.product.ProductCatalog;
import com.example.shop.catalog.product.VariantId;

class ReservationIntegrationTests extends CatalogIntegrationTest implements ReservationCalls {

    @Autowired
    RestTestClient client;

    @Autowired
    ProductCatalog catalog;

    @Autowired
    JdbcClient jdbc;

    private final ExecutorService pool = Executors.newFixedThreadPool(20);

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

    @Test
    void reservesEveryLineAndTakesTheStock() {
        UUID mug = product(10);
        UUID pan = product(3);

        assertThat(reserve(UUID.randomUUID(), line(mug, 4), line(pan, 3)).status()).isEqualTo("RESERVED");

        assertThat(available(mug)).isEqualTo(6);
        assertThat(available(pan)).isZero();
    }

    @Test
    void rejectsTheWholeReservationWhenOneLineLacksStockAndTakesNothing() {
        UUID plenty = product(10);
        UUID scarce = product(1);

        assertThat(reserve(UUID.randomUUID(), line(plenty, 5), line(scarce, 2)).status()).isEqualTo("REJECTED");

        assertThat(available(plenty)).isEqualTo(10);
        assertThat(available(scarce)).isEqualTo(1);
    }

    @Test
    void rejectsAReservationOfAnUnknownProduct() {
        UUID known = product(10);

        assertThat(reserve(UUID.randomUUID(), line(known, 1), line(UUID.randomUUID(), 1)).status())
                .isEqualTo("REJECTED");

        assertThat(available(known)).isEqualTo(10);
    }

    @Test
    void addsUpLinesThatNameTheSameProduct() {
        UUID product = product(5);

        assertThat(reserve(UUID.randomUUID(), line(product, 2), line(product, 2)).status()).isEqualTo("RESERVED");
        assertThat(reserve(UUID.randomUUID(), line(product, 1), line(product, 1)).status()).isEqualTo("REJECTED");

        assertThat(available(product)).isEqualTo(1);
    }

    @Test
    void answersARepeatedReservationWithTheFirstOutcomeAndTakesStockOnce() {
        UUID product = product(10);
        UUID order = UUID.randomUUID();

        assertThat(reserve(order, line(product, 4)).status()).isEqualTo("RESERVED");
        assertThat(reserve(order, line(product, 4)).status()).isEqualTo("RESERVED");

        assertThat(available(product)).isEqualTo(6);
    }

    @Test
    void keepsARejectionEvenWhenStockArrivesBeforeTheRetry() {
        UUID product = product(1);
        UUID order = UUID.randomUUID();
        assertThat(reserve(order, line(product, 2)).status()).isEqualTo("REJECTED");
        catalog.setStock(new VariantId(product), 10);

        assertThat(reserve(order, line(product, 2)).status()).isEqualTo("REJECTED");

        assertThat(available(product)).isEqualTo(10);
    }

    @Test
    void refusesQuantitiesOutsideOneTo999AndRecordsNothing() {
        UUID product = product(5000);
        for (int quantity : new int[] { 0, -1, 1000 }) {
            UUID order = UUID.randomUUID();
            client.post().uri("/internal/reservations").contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("orderId", order, "lines", List.of(line(product, quantity))))
                    .exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(reservationRows(order)).isZero();
        }
        client.post().uri("/internal/reservations").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("orderId", UUID.randomUUID(), "lines", List.of()))
                .exchange()
                .expectStatus().isBadRequest();
        assertThat(available(product)).isEqualTo(5000);
    }

    @Test
    void givesStockBackOnceWhenReleasedTwice() {
        UUID product = product(5);
        UUID order = UUID.randomUUID();
        reserve(order, line(product, 3));

        assertThat(release(order).status()).isEqualTo("RELEASED");
        assertThat(release(order).status()).isEqualTo("RELEASED");

        assertThat(available(product)).isEqualTo(5);
    }

    @Test
    void releasingAnUnknownOrRejectedReservationChangesNothing() {
        UUID product = product(1);
        UUID rejected = UUID.randomUUID();
        reserve(rejected, line(product, 2));

        assertThat(release(rejected).status()).isEqualTo("REJECTED");
        assertThat(release(UUID.randomUUID()).status()).isEqualTo("UNKNOWN");

        assertThat(available(product)).isEqualTo(1);
    }

    @Test
    void neverOversellsWhenManyOrdersCompeteForTheLastUnits() throws Exception {
        UUID product = product(5);

        List<Outcome> outcomes = concurrently(20, i -> reserve(UUID.randomUUID(), line(product, 1)));

        assertThat(outcomes).filteredOn(o -> o.status().equals("RESERVED")).hasSize(5);
        assertThat(outcomes).filteredOn(o -> o.status().equals("REJECTED")).hasSize(15);
        assertThat(available(product)).isZero();
    }

    @Test
    void takesStockOnceWhenTheSameOrderIsReservedConcurrently() throws Exception {
        UUID product = product(10);
        UUID order = UUID.randomUUID();

        List<Outcome> outcomes = concurrently(10, i -> reserve(order, line(product, 2)));

        assertThat(outcomes).extracting(Outcome::status).containsOnly("RESERVED");
        assertThat(available(product)).isEqualTo(8);
    }

    @Test
    void restoresStockOnceWhenTheSameReservationIsReleasedConcurrently() throws Exception {
        UUID product = product(10);
        UUID order = UUID.randomUUID();
        reserve(order, line(product, 4));

        List<Outcome> outcomes = concurrently(10, i -> release(order));

        assertThat(outcomes).extracting(Outcome::status).containsOnly("RELEASED");
        assertThat(available(product)).isEqualTo(10);
    }

    @Test
    void doesNotDeadlockWhenOrdersListTheSameProductsInOppositeOrder() throws Exception {
        UUID a = product(100);
        UUID b = product(100);

        List<Outcome> outcomes = concurrently(20, i -> i % 2 == 0
                ? reserve(UUID.randomUUID(), line(a, 1), line(b, 1))
                : reserve(UUID.randomUUID(), line(b, 1), line(a, 1)));

        assertThat(outcomes).extracting(Outcome::status).containsOnly("RESERVED");
        assertThat(available(a)).isEqualTo(80);
        assertThat(available(b)).isEqualTo(80);
    }

    private UUID product(int available) {
        String sku = "R-" + UUID.randomUUID().toString().substring(0, 8);
        return catalog.add(new NewProduct(sku, "Reservable " + sku, "For reservation tests.", "test",
                Money.euros("3.00"), available)).id().value();
    }

    private int available(UUID product) {
        return jdbc.sql("select available from variant where id = ?").param(product).query(Integer.class).single();
    }

    private long reservationRows(UUID order) {
        return jdbc.sql("select count(*) from reservation where order_id = ?").param(order).query(Long.class).single();
    }
}
