package com.example.shop.catalog.search;

import java.util.Locale;

/** How search results are ordered. Every order ends with the product id, so paging is stable. */
public enum SearchSort {
    /** Best text match first (ts_rank_cd), then by name; without search text the same as {@link #NAME}. */
    RELEVANCE,
    /** Cheapest matching variant first (effective price). */
    PRICE_ASC,
    PRICE_DESC,
    NEWEST,
    NAME;

    /** Parses {@code relevance}, {@code price_asc}, ... ignoring case; {@code null} when unknown. */
    public static SearchSort parse(String text) {
        for (SearchSort sort : values()) {
            if (sort.name().equals(text.strip().toUpperCase(Locale.ROOT))) {
                return sort;
            }
        }
        return null;
    }
}
