package com.example.shop.catalog.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.example.shop.catalog.product.Money;
import com.example.shop.catalog.product.NewProduct;
import com.example.shop.catalog.product.ProductCatalog;

/** Creates sellable variants and reads their stock figures, reservations and ledger straight from PostgreSQL. */
final class InventoryFixture {

    private final ProductCatalog catalog;
    private final JdbcClient jdbc;

    InventoryFixture(ProductCatalog catalog, JdbcClient jdbc) {
        this.catalog = catalog;
        this.jdbc = jdbc;
    }

    record Figures(int onHand, int reserved, int available) {
    }

    /** A new ACTIVE product with one variant (same id) and this much stock. */
    UUID variant(int stock) {
        String sku = "I-" + UUID.randomUUID().toString().substring(0, 8);
        return catalog.add(new NewProduct(sku, "Stocked " + sku, "For inventory tests.", "test", Money.euros("5.00"),
                stock)).id().value();
    }

    Figures figures(UUID variant) {
        return jdbc.sql("select on_hand, reserved, available from variant where id = ?").param(variant)
                .query((rs, row) -> new Figures(rs.getInt(1), rs.getInt(2), rs.getInt(3))).single();
    }

    /** The figures the ledger adds up to (available = on hand - reserved). */
    Figures ledger(UUID variant) {
        return jdbc.sql("""
                select coalesce(sum(delta_on_hand), 0), coalesce(sum(delta_reserved), 0)
                from stock_movement where variant_id = ?
                """).param(variant)
                .query((rs, row) -> new Figures(rs.getInt(1), rs.getInt(2), rs.getInt(1) - rs.getInt(2))).single();
    }

    String status(UUID order) {
        return jdbc.sql("select status from reservation where order_id = ?").param(order).query(String.class).single();
    }

    long movements(UUID order, String reason) {
        return jdbc.sql("select count(*) from stock_movement where order_id = ? and reason = ?")
                .param(order).param(reason).query(Long.class).single();
    }

    /** Makes the reservation due now, as if its time to live had passed. */
    void backdate(UUID order) {
        jdbc.sql("update reservation set expires_at = now() - interval '1 second' where order_id = ?").param(order)
                .update();
    }

    /** Units a shipment took that stock no longer had, recorded for the order. */
    int shortfall(UUID order) {
        return jdbc.sql("select coalesce(sum(quantity), 0) from stock_shortfall where order_id = ?").param(order)
                .query(Integer.class).single();
    }

    /**
     * The inventory invariant for one variant: on hand = available + reserved, nothing negative, the ledger
     * adds up to the current figures, reserved is exactly what RESERVED and CONFIRMED reservations hold, per
     * order and variant the reserved units were given back (released, expired or committed) at most once per
     * time they were reserved and committed at most once, and each return restocked the variant at most once.
     */
    void assertInvariant(UUID variant) {
        Figures figures = figures(variant);
        assertThat(figures.onHand()).isEqualTo(figures.available() + figures.reserved());
        assertThat(figures.onHand()).isNotNegative();
        assertThat(figures.reserved()).isNotNegative();
        assertThat(figures.available()).isNotNegative();
        assertThat(ledger(variant)).isEqualTo(figures);
        int held = jdbc.sql("""
                select coalesce(sum(l.quantity), 0) from reservation_line l
                join reservation r on r.order_id = l.order_id
                where r.status in ('RESERVED', 'CONFIRMED') and l.product_id = ?
                """).param(variant).query(Integer.class).single();
        assertThat(figures.reserved()).isEqualTo(held);
        long twice = jdbc.sql("""
                select count(*) from (
                    select order_id,
                           count(*) filter (where reason = 'RESERVED') as taken,
                           count(*) filter (where delta_reserved < 0) as given_back,
                           count(*) filter (where reason = 'COMMITTED') as committed
                    from stock_movement where variant_id = ? and order_id is not null
                    group by order_id) per_order
                where taken - given_back not in (0, 1) or committed > 1
                """).param(variant).query(Long.class).single();
        assertThat(twice).isZero();
        long restockedTwice = jdbc.sql("""
                select count(*) from (
                    select return_id from stock_movement where variant_id = ? and reason = 'RETURNED'
                    group by return_id having count(*) > 1) per_return
                """).param(variant).query(Long.class).single();
        assertThat(restockedTwice).isZero();
    }
}
