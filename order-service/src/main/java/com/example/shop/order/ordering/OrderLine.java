package com.example.shop.order.ordering;

import java.util.Objects;
import java.util.UUID;

/** One product of an order, with the name and price the customer saw in the cart at checkout. */
public record OrderLine(UUID productId, String sku, String name, int quantity, Money unitPrice) {

    public OrderLine {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unitPrice, "unitPrice");
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be positive: " + quantity);
        }
        if (unitPrice.amount().signum() < 0) {
            throw new IllegalArgumentException("unit price must not be negative");
        }
    }

    public Money lineTotal() {
        return unitPrice.times(quantity);
    }
}
