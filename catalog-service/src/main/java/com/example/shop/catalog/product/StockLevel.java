package com.example.shop.catalog.product;

/**
 * A variant's stock figures. Always {@code onHand = available + reserved} (the database derives on hand), and
 * none of them is ever negative.
 *
 * @param onHand units in the warehouse, committed ones excluded
 * @param reserved units held by RESERVED reservations of orders
 * @param available units that can be bought now
 */
public record StockLevel(VariantId variantId, String sku, int onHand, int reserved, int available) {
}
