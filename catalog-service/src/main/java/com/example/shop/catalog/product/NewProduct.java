package com.example.shop.catalog.product;

/** What an administrator supplies to add a product; validated at the edge, re-checked here. */
public record NewProduct(String sku, String name, String description, String category, Money price,
        int available) {

    public NewProduct {
        if (price.isNegative()) {
            throw new IllegalArgumentException("price must not be negative");
        }
        if (available < 0) {
            throw new IllegalArgumentException("available must not be negative");
        }
    }
}
