package com.example.shop.catalog.product;

import java.util.Map;

/**
 * A variant an administrator adds to a product.
 *
 * @param weightGrams the shipping weight of one unit; {@code null} gives {@value Variant#DEFAULT_WEIGHT_GRAMS}
 */
public record NewVariant(String sku, Map<String, String> attributes, Pricing pricing, int available,
        Integer weightGrams) {

    public NewVariant {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        if (available < 0) {
            throw new InvalidCatalogDataException("available must not be negative");
        }
        weightGrams = Variant.weightOrDefault(weightGrams);
    }

    public NewVariant(String sku, Map<String, String> attributes, Pricing pricing, int available) {
        this(sku, attributes, pricing, available, null);
    }
}
