package com.example.shop.catalog.product.web;

import java.time.Instant;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.example.shop.catalog.product.NewVariant;
import com.example.shop.catalog.product.Pricing;
import com.example.shop.catalog.product.Variant;

/**
 * Body of {@code POST /api/products/{id}/variants}; {@code price} is the list price, {@code weightGrams} the
 * shipping weight of one unit (default 500).
 */
record CreateVariantRequest(
        @NotBlank @Size(max = 40) @Pattern(regexp = Validation.SKU, message = "letters, digits and dashes") String sku,
        @Size(max = 10) Map<@Pattern(regexp = Validation.ATTRIBUTE_NAME, message = "lower-case letters, digits, - or _") String,
                @NotBlank @Size(max = 100) String> attributes,
        @NotNull @Valid PriceRequest price, @Valid PriceRequest salePrice, Instant saleFrom, Instant saleTo,
        @NotNull @Min(0) @Max(1_000_000) Integer available,
        @Min(1) @Max(Variant.MAX_WEIGHT_GRAMS) Integer weightGrams) {

    NewVariant toNewVariant() {
        return new NewVariant(sku.strip(), attributes,
                new Pricing(price.toMoney(), salePrice == null ? null : salePrice.toMoney(), saleFrom, saleTo), available,
                weightGrams);
    }
}
