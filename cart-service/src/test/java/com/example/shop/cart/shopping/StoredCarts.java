package com.example.shop.cart.shopping;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Carts written and counted straight in the database, for states the API cannot reach quickly. */
final class StoredCarts {

    private StoredCarts() {
    }

    /** Creates the customer's cart if needed and adds a line without SKU, name or seen price. */
    static UUID customerCartWithLine(JdbcClient jdbc, UUID customer, UUID product, int quantity) {
        jdbc.sql("""
                insert into cart (id, customer_id, created_at, touched_at) values (?, ?, now(), now())
                on conflict (customer_id) do nothing""").params(UUID.randomUUID(), customer).update();
        UUID cart = jdbc.sql("select id from cart where customer_id = ?").param(customer).query(UUID.class).single();
        jdbc.sql("insert into cart_line (cart_id, product_id, quantity, added_at, updated_at) values (?, ?, ?, now(), now())")
                .params(cart, product, quantity).update();
        return cart;
    }

    /** How many lines the customer's cart has; 0 when they have none. */
    static long lines(JdbcClient jdbc, UUID customer) {
        return jdbc.sql("select count(*) from cart_line l join cart c on c.id = l.cart_id where c.customer_id = ?")
                .param(customer).query(Long.class).single();
    }
}
