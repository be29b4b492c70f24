package com.example.shop.catalog.product;

import java.util.Map;

/**
 * A sellable item of a product: its own sku, attributes (size, colour, ...), prices and stock.
 *
 * @param attributes attribute name to value, for example {@code colour -> navy}; names are lower case
 * @param available units in stock that are not reserved by an order; never negative
 */
public record Variant(VariantId id, String sku, Map<String, String> attributes, Pricing pricing, int available) {

    public Variant {
        attributes = Map.copyOf(attributes);
    }
}
