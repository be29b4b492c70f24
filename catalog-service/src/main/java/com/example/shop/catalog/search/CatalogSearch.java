package com.example.shop.catalog.search;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import com.example.shop.catalog.product.Categories;
import com.example.shop.catalog.product.Category;
import com.example.shop.catalog.product.Product;
import com.example.shop.catalog.product.ProductCatalog;
import com.example.shop.catalog.product.ProductId;

/**
 * The public catalogue search: PostgreSQL full-text search with prefix matching and ranking, filters, facets
 * and stable paging, over ACTIVE products only.
 */
@Service
public class CatalogSearch {

    private final SearchRepository search;
    private final Categories categories;
    private final ProductCatalog catalog;

    CatalogSearch(SearchRepository search, Categories categories, ProductCatalog catalog) {
        this.search = search;
        this.categories = categories;
        this.catalog = catalog;
    }

    /**
     * Searches. Text without a single word (only punctuation, say) and an unknown category match nothing,
     * rather than everything.
     */
    public SearchResult search(SearchQuery query) {
        String tsquery = null;
        if (query.text() != null) {
            var text = TextQuery.of(query.text());
            if (text.isEmpty()) {
                return SearchResult.empty(query);
            }
            tsquery = text.get();
        }
        Category category = null;
        if (query.category() != null) {
            var found = categories.find(query.category());
            if (found.isEmpty()) {
                return SearchResult.empty(query);
            }
            category = found.get();
        }
        SearchRepository.Page page = search.search(query, tsquery, category);
        Map<UUID, Product> products = catalog
                .getAll(page.hits().stream().map(hit -> new ProductId(hit.productId())).toList()).stream()
                .collect(Collectors.toMap(p -> p.id().value(), Function.identity()));
        List<SearchResult.Hit> hits = page.hits().stream()
                .filter(hit -> products.containsKey(hit.productId()))
                .map(hit -> new SearchResult.Hit(products.get(hit.productId()), hit.matchingVariants()))
                .toList();
        return new SearchResult(hits, query.page(), query.size(), page.total(), page.categories(), page.attributes());
    }
}
