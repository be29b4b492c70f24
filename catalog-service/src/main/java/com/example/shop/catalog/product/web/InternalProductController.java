package com.example.shop.catalog.product.web;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.example.shop.catalog.product.ProductCatalog;
import com.example.shop.catalog.product.VariantId;

/** Bulk lookup for other services (cart, order); never routed by the gateway. */
@RestController
class InternalProductController {

    private final ProductCatalog catalog;

    InternalProductController(ProductCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * The sellable items among {@code ids} (variant ids; a product id names its default variant), each in the
     * flat product JSON with the variant's sku, price and stock. Unknown ids and variants of products that are
     * not ACTIVE are left out rather than failing the whole lookup: a cart then drops them.
     */
    @GetMapping("/internal/products")
    List<ProductResponse> products(@RequestParam(defaultValue = "") List<UUID> ids) {
        Instant now = catalog.now();
        return catalog.sellables(ids.stream().filter(Objects::nonNull).map(VariantId::new).toList()).stream()
                .map(s -> ProductResponse.of(s.product(), s.variant(), now, true, null))
                .sorted(Comparator.comparing(ProductResponse::name).thenComparing(ProductResponse::id))
                .toList();
    }
}
