package com.example.shop.catalog.product.web;

import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of {@code PUT /api/products/{id}/variants/{variantId}}: sku and attributes, both replaced. */
record UpdateVariantRequest(
        @NotBlank @Size(max = 40) @Pattern(regexp = Validation.SKU, message = "letters, digits and dashes") String sku,
        @Size(max = 10) Map<@Pattern(regexp = Validation.ATTRIBUTE_NAME, message = "lower-case letters, digits, - or _") String,
                @NotBlank @Size(max = 100) String> attributes) {

    Map<String, String> attributesOrEmpty() {
        return attributes == null ? Map.of() : attributes;
    }
}
