package com.example.shop.catalog.product.web;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.example.shop.catalog.product.ProductCatalog;
import com.example.shop.catalog.product.ProductId;

/** Bulk lookup for other services (cart, order); never routed by the gateway. */
@RestController
class InternalProductController {

    private final ProductCatalog catalog;

    InternalProductController(ProductCatalog catalog) {
        this.catalog = catalog;
    }

    /** The products among {@code ids}; unknown ids are left out rather than failing the whole lookup. */
    @GetMapping("/internal/products")
    List<ProductResponse> products(@RequestParam(defaultValue = "") List<UUID> ids) {
        return catalog.getAll(ids.stream().filter(Objects::nonNull).map(ProductId::new).toList()).stream()
                .map(ProductResponse::from)
                .toList();
    }
}
