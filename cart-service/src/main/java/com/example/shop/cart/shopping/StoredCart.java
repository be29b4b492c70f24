package com.example.shop.cart.shopping;

import java.time.Instant;
import java.util.List;

import com.example.shop.cart.catalogue.Money;
import com.example.shop.cart.catalogue.ProductId;

/**
 * A cart exactly as stored, with its times and without revalidation against the catalogue: what the shop holds
 * about the customer, for a personal-data export.
 *
 * @param updatedAt the last change of the cart (add, set, remove, empty, merge)
 * @param abandonedAt when the cart was reported abandoned; {@code null} unless it is left unchanged since
 */
public record StoredCart(CartId id, Instant createdAt, Instant updatedAt, Instant abandonedAt, List<Line> lines) {

    public StoredCart {
        lines = List.copyOf(lines);
    }

    /**
     * A stored line; {@code sku}, {@code name} and {@code seenPrice} are {@code null} for lines stored before
     * they were kept.
     */
    public record Line(ProductId productId, String sku, String name, int quantity, Money seenPrice,
            Instant addedAt, Instant updatedAt) {
    }
}
