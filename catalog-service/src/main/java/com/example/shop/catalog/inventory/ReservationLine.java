package com.example.shop.catalog.inventory;

import java.util.Objects;

import com.example.shop.catalog.product.ProductId;

/** Units of one product that an order wants to reserve. */
public record ReservationLine(ProductId productId, int quantity) {

    public ReservationLine {
        Objects.requireNonNull(productId, "productId");
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be positive");
        }
    }
}
