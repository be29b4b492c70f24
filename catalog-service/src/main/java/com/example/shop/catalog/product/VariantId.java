package com.example.shop.catalog.product;

import java.util.Objects;
import java.util.UUID;

/**
 * Identifies a variant, the sellable item. Carts, orders and reservations call it {@code productId}: the id of
 * a product's default variant equals the product's id, so a product id is always a sellable id too.
 */
public record VariantId(UUID value) {

    public VariantId {
        Objects.requireNonNull(value, "value");
    }

    public static VariantId random() {
        return new VariantId(UUID.randomUUID());
    }

    /** The same id seen as what the inventory and the other services call a product id. */
    public ProductId asProductId() {
        return new ProductId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
