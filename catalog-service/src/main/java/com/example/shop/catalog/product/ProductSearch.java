package com.example.shop.catalog.product;

/**
 * A page of a catalogue search.
 *
 * @param text matched case-insensitively against name, description and sku; {@code null} for all
 * @param category exact category, ignoring case; {@code null} for all
 * @param page zero-based page number
 * @param size page size
 */
public record ProductSearch(String text, String category, int page, int size) {

    public ProductSearch {
        if (page < 0 || size < 1) {
            throw new IllegalArgumentException("page must be >= 0 and size >= 1");
        }
        text = blankToNull(text);
        category = blankToNull(category);
    }

    long offset() {
        return (long) page * size;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
