package com.example.shop.catalog.product.web;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;

import com.example.shop.catalog.product.InvalidCatalogDataException;
import com.example.shop.catalog.product.ProductCatalog;
import com.example.shop.catalog.product.VariantId;
import com.example.shop.catalog.product.VariantShipping;

/** Variant facts for shipping (order-service weighs a parcel with them); never routed by the gateway. */
@RestController
class InternalVariantController {

    static final int MAX_IDS = 100;

    private final ProductCatalog catalog;

    InternalVariantController(ProductCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * Every known variant among {@code ids} with its product, sku and weight, whatever the product's status:
     * a paid order of a product archived since still ships. Unknown ids are left out; a malformed id or more
     * than {@value #MAX_IDS} ids answer 400.
     */
    @Operation(summary = "Variants with their product, sku and shipping weight, whatever the product's status (internal)")
    @GetMapping("/internal/variants")
    List<ShippingVariantResponse> variants(
            @Parameter(description = "variant ids, comma-separated, at most 100")
            @RequestParam(defaultValue = "") List<UUID> ids) {
        if (ids.size() > MAX_IDS) {
            throw new InvalidCatalogDataException("At most " + MAX_IDS + " ids per lookup.");
        }
        return catalog.shippingDetails(ids.stream().filter(Objects::nonNull).map(VariantId::new).toList()).stream()
                .map(ShippingVariantResponse::from)
                .toList();
    }

    /** One variant as shipping sees it. */
    record ShippingVariantResponse(UUID variantId, UUID productId, String sku, int weightGrams) {

        static ShippingVariantResponse from(VariantShipping variant) {
            return new ShippingVariantResponse(variant.variantId().value(), variant.productId().value(), variant.sku(),
                    variant.weightGrams());
        }
    }
}
