package com.example.shop.catalog.product.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.example.shop.catalog.search.SearchResult;

/** A page of products, its position in the whole result, and facet counts over the whole filtered result. */
record SearchResponse(List<ProductResponse> content, PageMetadata page, Facets facets) {

    static SearchResponse from(SearchResult result, Instant now) {
        return new SearchResponse(
                result.content().stream()
                        .map(hit -> ProductResponse.of(hit.product(), hit.product().defaultVariant(), now, false,
                                hit.matchingVariants()))
                        .toList(),
                new PageMetadata(result.size(), result.number(), result.totalElements(), result.totalPages()),
                new Facets(result.categories().stream()
                        .map(c -> new CategoryCount(c.id().value(), c.slug(), c.name(), c.count())).toList(),
                        result.attributes()));
    }

    record PageMetadata(int size, int number, long totalElements, int totalPages) {
    }

    /**
     * @param categories the children of the searched category (roots without one) with matches in their subtree
     * @param attributes attribute name to {value, count}: products with a matching variant of that value
     */
    record Facets(List<CategoryCount> categories, Map<String, List<SearchResult.ValueCount>> attributes) {
    }

    record CategoryCount(UUID id, String slug, String name, long count) {
    }
}
