package com.example.shop.catalog.search;

import java.util.List;
import java.util.Map;

import com.example.shop.catalog.product.CategoryId;
import com.example.shop.catalog.product.Product;
import com.example.shop.catalog.product.VariantId;

/**
 * One page of a search, its position in the whole result, and facet counts over the whole filtered result.
 *
 * @param categories for each child of the searched category (or each root without one) that has matches:
 *        how many matching products its subtree holds
 * @param attributes attribute name to value counts: how many matching products have a matching variant with
 *        that value
 */
public record SearchResult(List<Hit> content, int number, int size, long totalElements,
        List<CategoryCount> categories, Map<String, List<ValueCount>> attributes) {

    public int totalPages() {
        return (int) ((totalElements + size - 1) / size);
    }

    static SearchResult empty(SearchQuery query) {
        return new SearchResult(List.of(), query.page(), query.size(), 0, List.of(), Map.of());
    }

    /** A product found, with the ids of its variants that passed the filters, in variant order. */
    public record Hit(Product product, List<VariantId> matchingVariants) {
    }

    public record CategoryCount(CategoryId id, String slug, String name, long count) {
    }

    public record ValueCount(String value, long count) {
    }
}
