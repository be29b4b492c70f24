package com.example.shop.catalog.product.web;

import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.example.shop.catalog.product.Variant;

/**
 * Body of {@code PUT /api/products/{id}/variants/{variantId}}: sku and attributes, both replaced, and the shipping
 * weight of one unit when given (left as it is when absent).
 */
record UpdateVariantRequest(
        @NotBlank @Size(max = 40) @Pattern(regexp = Validation.SKU, message = "letters, digits and dashes") String sku,
        @Size(max = 10) Map<@Pattern(regexp = Validation.ATTRIBUTE_NAME, message = "lower-case letters, digits, - or _") String,
                @NotBlank @Size(max = 100) String> attributes,
        @Min(1) @Max(Variant.MAX_WEIGHT_GRAMS) Integer weightGrams) {

    Map<String, String> attributesOrEmpty() {
        return attributes == null ? Map.of() : attributes;
    }
}
