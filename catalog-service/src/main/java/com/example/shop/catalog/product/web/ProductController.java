package com.example.shop.catalog.product.web;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;

import com.example.shop.catalog.product.InvalidCatalogDataException;
import com.example.shop.catalog.product.Product;
import com.example.shop.catalog.product.ProductCatalog;
import com.example.shop.catalog.product.ProductId;
import com.example.shop.catalog.product.ProductNotFoundException;
import com.example.shop.catalog.product.ProductStatus;
import com.example.shop.catalog.product.VariantId;
import com.example.shop.catalog.search.CatalogSearch;
import com.example.shop.catalog.search.SearchQuery;
import com.example.shop.catalog.search.SearchSort;

/** The public catalogue: open reads, administrator writes (the rules are in the security configuration). */
@RestController
@RequestMapping("/api/products")
class ProductController {

    private static final String ATTRIBUTE_PREFIX = "attr.";
    private static final int MAX_ATTRIBUTE_FILTERS = 10;

    private final ProductCatalog catalog;
    private final CatalogSearch search;

    ProductController(ProductCatalog catalog, CatalogSearch search) {
        this.catalog = catalog;
        this.search = search;
    }

    @Operation(summary = "Search ACTIVE products: full text with prefixes, filters, facets, stable paging",
            description = "Filter by attribute with attr.<name>=<value>[,<value>...], e.g. attr.colour=navy,red&attr.size=M.")
    @GetMapping
    SearchResponse search(
            @Parameter(description = "words matched as prefixes in name, sku, brand, attributes, description")
            @RequestParam(required = false) String q,
            @Parameter(description = "category slug or id; includes its sub-categories")
            @RequestParam(required = false) String category,
            @RequestParam(required = false) @DecimalMin("0") BigDecimal minPrice,
            @RequestParam(required = false) @DecimalMin("0") BigDecimal maxPrice,
            @RequestParam(defaultValue = "false") boolean inStock,
            @Parameter(description = "relevance (default with q), name (default without), price_asc, price_desc, newest")
            @RequestParam(required = false) String sort,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(SearchQuery.MAX_SIZE) int size,
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
        if (minPrice != null && maxPrice != null && minPrice.compareTo(maxPrice) > 0) {
            throw new InvalidCatalogDataException("minPrice must not be above maxPrice.");
        }
        SearchSort order = null;
        if (sort != null && !sort.isBlank()) {
            order = SearchSort.parse(sort);
            if (order == null) {
                throw new InvalidCatalogDataException("sort must be one of relevance, price_asc, price_desc, newest, name.");
            }
        }
        var query = new SearchQuery(q, category, minPrice, maxPrice, attributeFilters(parameters), inStock, order, page,
                size);
        return SearchResponse.from(search.search(query), catalog.now());
    }

    /** A product by its id, or by one of its variant ids (the flat fields then describe that variant). */
    @GetMapping("/{id}")
    ProductResponse get(@PathVariable UUID id, Authentication caller) {
        Product product = catalog.getByProductOrVariant(id);
        if (product.status() == ProductStatus.DRAFT && !isAdmin(caller)) {
            throw new ProductNotFoundException(new ProductId(id));
        }
        var variant = product.variant(new VariantId(id)).orElse(product.defaultVariant());
        return ProductResponse.of(product, variant, catalog.now(), false, null);
    }

    @Operation(summary = "Create a product with its default variant (ADMIN)")
    @PostMapping
    ResponseEntity<ProductResponse> create(@Valid @RequestBody CreateProductRequest request) {
        var product = catalog.add(request.toNewProduct());
        return ResponseEntity.created(URI.create("/api/products/" + product.id()))
                .body(ProductResponse.from(product, catalog.now()));
    }

    @Operation(summary = "Replace a product's name, description, brand, category and images (ADMIN)")
    @PutMapping("/{id}")
    ProductResponse update(@PathVariable UUID id, @Valid @RequestBody UpdateProductRequest request) {
        return ProductResponse.from(catalog.update(new ProductId(id), request.toChanges()), catalog.now());
    }

    @Operation(summary = "Move a product DRAFT -> ACTIVE -> ARCHIVED (ADMIN); 409 for any other move")
    @PutMapping("/{id}/status")
    ProductResponse changeStatus(@PathVariable UUID id, @Valid @RequestBody StatusRequest request) {
        return ProductResponse.from(catalog.changeStatus(new ProductId(id), request.status()), catalog.now());
    }

    @Operation(summary = "Add a variant with its own sku and weightGrams (default 500) (ADMIN); 409 when the sku is taken")
    @PostMapping("/{id}/variants")
    ResponseEntity<VariantResponse> addVariant(@PathVariable UUID id, @Valid @RequestBody CreateVariantRequest request) {
        var variant = catalog.addVariant(new ProductId(id), request.toNewVariant());
        return ResponseEntity.created(URI.create("/api/products/" + variant.id()))
                .body(VariantResponse.from(variant, catalog.now()));
    }

    @Operation(summary = "Replace a variant's sku and attributes, and its weightGrams when given (ADMIN)")
    @PutMapping("/{id}/variants/{variantId}")
    VariantResponse updateVariant(@PathVariable UUID id, @PathVariable UUID variantId,
            @Valid @RequestBody UpdateVariantRequest request) {
        return VariantResponse.from(catalog.updateVariant(new ProductId(id), new VariantId(variantId),
                request.sku().strip(), request.attributesOrEmpty(), request.weightGrams()), catalog.now());
    }

    @Operation(summary = "Set a variant's list price and sale price with its window (ADMIN); publishes product.price_changed.v1")
    @PutMapping("/{id}/variants/{variantId}/price")
    VariantResponse changePrice(@PathVariable UUID id, @PathVariable UUID variantId,
            @Valid @RequestBody PricingRequest request) {
        return VariantResponse.from(catalog.changePrice(new ProductId(id), new VariantId(variantId), request.toPricing()),
                catalog.now());
    }

    @Operation(summary = "Set the prices of a product's default variant (ADMIN)")
    @PutMapping("/{id}/price")
    ProductResponse changeDefaultPrice(@PathVariable UUID id, @Valid @RequestBody PricingRequest request) {
        var productId = new ProductId(id);
        catalog.changePrice(productId, catalog.get(productId).defaultVariant().id(), request.toPricing());
        return ProductResponse.from(catalog.get(productId), catalog.now());
    }

    @Operation(summary = "Set a variant's stock (ADMIN)")
    @PutMapping("/{id}/variants/{variantId}/stock")
    VariantResponse setVariantStock(@PathVariable UUID id, @PathVariable UUID variantId,
            @Valid @RequestBody StockRequest request) {
        return VariantResponse.from(catalog.setStock(new ProductId(id), new VariantId(variantId), request.available()),
                catalog.now());
    }

    @Operation(summary = "Set the stock of a sellable id: a product id (its default variant) or a variant id (ADMIN)")
    @PutMapping("/{id}/stock")
    ProductResponse setStock(@PathVariable UUID id, @Valid @RequestBody StockRequest request) {
        var variantId = new VariantId(id);
        Product product = catalog.setStock(variantId, request.available());
        return ProductResponse.of(product, product.variant(variantId).orElseThrow(), catalog.now(), false, null);
    }

    /** {@code attr.colour=navy,red&attr.size=M}: a variant must have one of the values of every name. */
    private static Map<String, List<String>> attributeFilters(MultiValueMap<String, String> parameters) {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        parameters.forEach((key, values) -> {
            if (!key.startsWith(ATTRIBUTE_PREFIX)) {
                return;
            }
            String name = key.substring(ATTRIBUTE_PREFIX.length());
            if (!name.matches(Validation.ATTRIBUTE_NAME)) {
                throw new InvalidCatalogDataException("Attribute filter " + key + " must be attr.<name> with a lower-case name.");
            }
            List<String> accepted = new ArrayList<>();
            values.stream().flatMap(v -> Arrays.stream(v.split(","))).map(String::strip).filter(v -> !v.isEmpty())
                    .forEach(v -> {
                        if (v.length() > 100) {
                            throw new InvalidCatalogDataException("Attribute values are at most 100 characters.");
                        }
                        if (!accepted.contains(v)) {
                            accepted.add(v);
                        }
                    });
            if (accepted.isEmpty() || accepted.size() > 20) {
                throw new InvalidCatalogDataException("Attribute filter " + key + " needs 1 to 20 values.");
            }
            filters.put(name, accepted);
        });
        if (filters.size() > MAX_ATTRIBUTE_FILTERS) {
            throw new InvalidCatalogDataException("At most " + MAX_ATTRIBUTE_FILTERS + " attribute filters.");
        }
        return filters;
    }

    private static boolean isAdmin(Authentication caller) {
        return caller != null && caller.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
    }
}
