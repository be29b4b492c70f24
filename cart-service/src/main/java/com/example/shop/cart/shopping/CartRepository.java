package com.example.shop.cart.shopping;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.example.shop.cart.catalogue.ProductId;

/** Cart lines in PostgreSQL, one row per customer and product. */
@Repository
class CartRepository {

    private final JdbcClient jdbc;

    CartRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<CartLine> lines(CustomerId customer) {
        return jdbc.sql("select product_id, quantity from cart_line where customer_id = :customer order by added_at, product_id")
                .param("customer", customer.value())
                .query((rs, row) -> new CartLine(new ProductId(rs.getObject("product_id", UUID.class)), rs.getInt("quantity")))
                .list();
    }

    /**
     * Adds a new line or adds to an existing one, in one statement so that concurrent adds cannot lose
     * units; refuses (returns {@code false}, writes nothing) if the line would exceed {@code max}.
     */
    boolean add(CustomerId customer, ProductId product, int quantity, int max) {
        return jdbc.sql("""
                insert into cart_line (customer_id, product_id, quantity, added_at, updated_at)
                values (:customer, :product, :quantity, now(), now())
                on conflict (customer_id, product_id) do update
                    set quantity = cart_line.quantity + excluded.quantity, updated_at = now()
                    where cart_line.quantity + excluded.quantity <= :max
                """)
                .param("customer", customer.value())
                .param("product", product.value())
                .param("quantity", quantity)
                .param("max", max)
                .update() == 1;
    }

    /** Sets the quantity of an existing line; {@code false} when there is none. */
    boolean setQuantity(CustomerId customer, ProductId product, int quantity) {
        return jdbc.sql("update cart_line set quantity = :quantity, updated_at = now() where customer_id = :customer and product_id = :product")
                .param("quantity", quantity)
                .param("customer", customer.value())
                .param("product", product.value())
                .update() == 1;
    }

    /** Removes a line; {@code false} when there was none. */
    boolean remove(CustomerId customer, ProductId product) {
        return jdbc.sql("delete from cart_line where customer_id = :customer and product_id = :product")
                .param("customer", customer.value())
                .param("product", product.value())
                .update() == 1;
    }

    void clear(CustomerId customer) {
        jdbc.sql("delete from cart_line where customer_id = :customer").param("customer", customer.value()).update();
    }
}
