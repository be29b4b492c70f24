package com.example.shop.catalog.product;

/**
 * A product of the catalogue together with the stock that can still be sold.
 *
 * @param available units in stock that are not reserved by an order; never negative
 */
public record Product(ProductId id, String sku, String name, String description, String category, Money price,
        int available) {
}
