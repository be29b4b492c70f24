package com.example.shop.catalog.search;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A catalogue search: text, filters, order and page. Only ACTIVE products are ever found.
 *
 * @param text words matched as prefixes against name, skus, brand, attribute values and description;
 *        {@code null} for all
 * @param category slug or id of a category; its whole subtree matches; {@code null} for all
 * @param minPrice lowest effective price of a matching variant, inclusive; {@code null} for no bound
 * @param maxPrice highest effective price, inclusive; {@code null} for no bound
 * @param attributes attribute name to accepted values: a variant must have one of the values of every name
 * @param inStock only variants with stock
 */
public record SearchQuery(String text, String category, BigDecimal minPrice, BigDecimal maxPrice,
        Map<String, List<String>> attributes, boolean inStock, SearchSort sort, int page, int size) {

    /** The largest page; the API answers 400 to a larger size. */
    public static final int MAX_SIZE = 100;

    public SearchQuery {
        if (page < 0 || size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("page must be >= 0 and size 1.." + MAX_SIZE);
        }
        text = blankToNull(text);
        category = blankToNull(category);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        sort = sort == null ? (text == null ? SearchSort.NAME : SearchSort.RELEVANCE) : sort;
    }

    /** The first API version's search: text and category only, default order. */
    public static SearchQuery of(String text, String category, int page, int size) {
        return new SearchQuery(text, category, null, null, Map.of(), false, null, page, size);
    }

    long offset() {
        return (long) page * size;
    }

    boolean filtersVariants() {
        return minPrice != null || maxPrice != null || !attributes.isEmpty() || inStock;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
