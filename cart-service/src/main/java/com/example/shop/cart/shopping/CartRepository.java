package com.example.shop.cart.shopping;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.example.shop.cart.catalogue.Money;
import com.example.shop.cart.catalogue.ProductId;
import com.example.shop.contracts.cart.CartEvents;

/**
 * Carts and their lines in PostgreSQL. A cart belongs to a customer or to a guest (by the SHA-256 of its token);
 * lines are one row per cart and variant. Methods that change lines expect the caller's transaction to hold
 * the cart's row lock ({@link #lock}), so limits that span lines (most lines per cart) hold under concurrency.
 */
@Repository
class CartRepository {

    private final JdbcClient jdbc;

    CartRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<CartId> findByCustomer(CustomerId customer) {
        return jdbc.sql("select id from cart where customer_id = :customer")
                .param("customer", customer.value())
                .query(UUID.class).optional().map(CartId::new);
    }

    Optional<CartId> findByToken(CartToken token) {
        return jdbc.sql("select id from cart where token_hash = :hash")
                .param("hash", token.hash())
                .query(UUID.class).optional().map(CartId::new);
    }

    /** The guest cart of the token, its row locked until the transaction ends; empty when there is none. */
    Optional<CartId> lockByToken(CartToken token) {
        return jdbc.sql("select id from cart where token_hash = :hash for update")
                .param("hash", token.hash())
                .query(UUID.class).optional().map(CartId::new);
    }

    /** The customer's cart, created if absent, its row locked until the transaction ends. */
    CartId lockOrCreateForCustomer(CustomerId customer) {
        jdbc.sql("""
                insert into cart (id, customer_id, created_at, touched_at) values (:id, :customer, now(), now())
                on conflict (customer_id) do nothing
                """)
                .param("id", UUID.randomUUID())
                .param("customer", customer.value())
                .update();
        return jdbc.sql("select id from cart where customer_id = :customer for update")
                .param("customer", customer.value())
                .query(UUID.class).optional().map(CartId::new).orElseThrow();
    }

    CartId createForGuest(CartToken token) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into cart (id, token_hash, created_at, touched_at) values (:id, :hash, now(), now())")
                .param("id", id)
                .param("hash", token.hash())
                .update();
        return new CartId(id);
    }

    /** Locks the cart's row until the transaction ends; {@code false} when the cart is gone. */
    boolean lock(CartId cart) {
        return jdbc.sql("select id from cart where id = :id for update").param("id", cart.value())
                .query(UUID.class).optional().isPresent();
    }

    /** Records a change: the abandonment clock starts again, and a cart reported abandoned may be reported again. */
    void touch(CartId cart) {
        jdbc.sql("update cart set touched_at = now(), abandoned_at = null where id = :id").param("id", cart.value()).update();
    }

    void delete(CartId cart) {
        jdbc.sql("delete from cart where id = :id").param("id", cart.value()).update();
    }

    List<CartLine> lines(CartId cart) {
        return jdbc.sql("""
                select product_id, sku, name, quantity, seen_amount, seen_currency from cart_line
                where cart_id = :cart order by added_at, product_id
                """)
                .param("cart", cart.value())
                .query((rs, row) -> line(rs))
                .list();
    }

    int lineCount(CartId cart) {
        return jdbc.sql("select count(*) from cart_line where cart_id = :cart").param("cart", cart.value())
                .query(Integer.class).single();
    }

    boolean hasLine(CartId cart, ProductId product) {
        return jdbc.sql("select count(*) from cart_line where cart_id = :cart and product_id = :product")
                .param("cart", cart.value()).param("product", product.value())
                .query(Integer.class).single() > 0;
    }

    /**
     * Adds a new line or adds to an existing one, in one statement so that concurrent adds cannot lose units;
     * refuses (returns {@code false}, writes nothing) if the line would exceed {@code max}. The SKU, name and
     * seen price become the ones given: the customer has just seen them.
     */
    boolean add(CartId cart, ProductId product, String sku, String name, Money price, int quantity, int max) {
        return jdbc.sql("""
                insert into cart_line (cart_id, product_id, sku, name, quantity, seen_amount, seen_currency, added_at, updated_at)
                values (:cart, :product, :sku, :name, :quantity, :amount, :currency, now(), now())
                on conflict (cart_id, product_id) do update
                    set quantity = cart_line.quantity + excluded.quantity, sku = excluded.sku, name = excluded.name,
                        seen_amount = excluded.seen_amount, seen_currency = excluded.seen_currency, updated_at = now()
                    where cart_line.quantity + excluded.quantity <= :max
                """)
                .param("cart", cart.value())
                .param("product", product.value())
                .param("sku", sku)
                .param("name", name)
                .param("quantity", quantity)
                .param("amount", price.amount())
                .param("currency", price.currency())
                .param("max", max)
                .update() == 1;
    }

    /**
     * Merges a guest's line into a cart: a new line is copied as it is, an existing one gets the quantities
     * summed, capped at {@code max} (a merge never fails on a limit the customer could not see coming).
     */
    void merge(CartId cart, CartLine line, int max) {
        jdbc.sql("""
                insert into cart_line (cart_id, product_id, sku, name, quantity, seen_amount, seen_currency, added_at, updated_at)
                values (:cart, :product, :sku, :name, least(:quantity, :max), :amount, :currency, now(), now())
                on conflict (cart_id, product_id) do update
                    set quantity = least(cart_line.quantity + excluded.quantity, :max), updated_at = now()
                """)
                .param("cart", cart.value())
                .param("product", line.productId().value())
                .param("sku", line.sku())
                .param("name", line.name())
                .param("quantity", line.quantity())
                .param("amount", line.seenPrice() == null ? null : line.seenPrice().amount())
                .param("currency", line.seenPrice() == null ? null : line.seenPrice().currency())
                .param("max", max)
                .update();
    }

    /** Sets the quantity of an existing line and what the customer saw with it; {@code false} when there is none. */
    boolean setQuantity(CartId cart, ProductId product, int quantity, String sku, String name, Money price) {
        return jdbc.sql("""
                update cart_line set quantity = :quantity, sku = :sku, name = :name, seen_amount = :amount,
                    seen_currency = :currency, updated_at = now()
                where cart_id = :cart and product_id = :product
                """)
                .param("quantity", quantity)
                .param("sku", sku)
                .param("name", name)
                .param("amount", price == null ? null : price.amount())
                .param("currency", price == null ? null : price.currency())
                .param("cart", cart.value())
                .param("product", product.value())
                .update() == 1;
    }

    /** Removes a line; {@code false} when there was none. */
    boolean remove(CartId cart, ProductId product) {
        return jdbc.sql("delete from cart_line where cart_id = :cart and product_id = :product")
                .param("cart", cart.value())
                .param("product", product.value())
                .update() == 1;
    }

    void clear(CartId cart) {
        jdbc.sql("delete from cart_line where cart_id = :cart").param("cart", cart.value()).update();
    }

    /**
     * Marks up to {@code limit} customer carts with lines, unchanged for {@code after}, as abandoned and returns
     * them. Rows another instance is marking are skipped, and a marked cart is not marked again until it is
     * changed, so each abandonment is found once.
     */
    List<Abandoned> markAbandoned(Duration after, int limit) {
        return jdbc.sql("""
                update cart set abandoned_at = now()
                where id in (select c.id from cart c
                             where c.customer_id is not null and c.abandoned_at is null
                               and c.touched_at < now() - make_interval(secs => :seconds)
                               and exists (select 1 from cart_line l where l.cart_id = c.id)
                             order by c.touched_at limit :limit for update skip locked)
                returning id, customer_id, touched_at, abandoned_at
                """)
                .param("seconds", (double) after.toMillis() / 1000)
                .param("limit", limit)
                .query((rs, row) -> new Abandoned(new CartId(rs.getObject("id", UUID.class)),
                        new CustomerId(rs.getObject("customer_id", UUID.class)),
                        rs.getTimestamp("touched_at").toInstant(), rs.getTimestamp("abandoned_at").toInstant()))
                .list();
    }

    /** Deletes guest carts unchanged for {@code ttl}, with their lines; returns how many. */
    int deleteGuestCartsUnchangedFor(Duration ttl) {
        return jdbc.sql("""
                delete from cart where customer_id is null and touched_at < now() - make_interval(secs => :seconds)
                """)
                .param("seconds", (double) ttl.toMillis() / 1000)
                .update();
    }

    /** The customer's carts as stored, each with its lines (oldest first). */
    List<StoredCart> storedCarts(CustomerId customer) {
        return jdbc.sql("""
                select id, created_at, touched_at, abandoned_at from cart where customer_id = :customer order by created_at
                """)
                .param("customer", customer.value())
                .query((rs, row) -> new CartTimes(new CartId(rs.getObject("id", UUID.class)),
                        rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("touched_at").toInstant(),
                        instant(rs.getTimestamp("abandoned_at"))))
                .list().stream()
                .map(cart -> new StoredCart(cart.id(), cart.createdAt(), cart.updatedAt(), cart.abandonedAt(),
                        storedLines(cart.id())))
                .toList();
    }

    private List<StoredCart.Line> storedLines(CartId cart) {
        return jdbc.sql("""
                select product_id, sku, name, quantity, seen_amount, seen_currency, added_at, updated_at from cart_line
                where cart_id = :cart order by added_at, product_id
                """)
                .param("cart", cart.value())
                .query((rs, row) -> {
                    CartLine line = line(rs);
                    return new StoredCart.Line(line.productId(), line.sku(), line.name(), line.quantity(),
                            line.seenPrice(), rs.getTimestamp("added_at").toInstant(),
                            rs.getTimestamp("updated_at").toInstant());
                })
                .list();
    }

    /** Deletes the customer's carts with their lines; returns how many carts. */
    int deleteCustomerCarts(CustomerId customer) {
        return jdbc.sql("delete from cart where customer_id = :customer").param("customer", customer.value()).update();
    }

    /**
     * Deletes the outbox's {@code cart.abandoned.v1} rows about the customer, published or not: published ones
     * would otherwise keep their data for the outbox's retention, and a reminder about a deleted account must not
     * go out at all.
     */
    int deleteAbandonmentEvents(CustomerId customer) {
        return jdbc.sql("""
                delete from outbox_event where type = :type and payload -> 'data' ->> 'customerId' = :customer
                """)
                .param("type", CartEvents.CART_ABANDONED)
                .param("customer", customer.value().toString())
                .update();
    }

    private record CartTimes(CartId id, Instant createdAt, Instant updatedAt, Instant abandonedAt) {
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** A cart just marked abandoned. */
    record Abandoned(CartId cart, CustomerId customer, Instant lastChangedAt, Instant abandonedAt) {
    }

    private static CartLine line(ResultSet rs) throws SQLException {
        BigDecimal amount = rs.getBigDecimal("seen_amount");
        String currency = rs.getString("seen_currency");
        Money seen = amount == null || currency == null ? null : new Money(amount, currency);
        return new CartLine(new ProductId(rs.getObject("product_id", UUID.class)), rs.getString("sku"),
                rs.getString("name"), rs.getInt("quantity"), seen);
    }
}
