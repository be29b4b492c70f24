package com.example.shop.catalog.product;

import java.util.Map;

/** A variant an administrator adds to a product. */
public record NewVariant(String sku, Map<String, String> attributes, Pricing pricing, int available) {

    public NewVariant {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        if (available < 0) {
            throw new InvalidCatalogDataException("available must not be negative");
        }
    }
}
