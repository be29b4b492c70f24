package com.example.shop.catalog.product;

/** What shipping needs to know about a variant: which product it belongs to, its sku and its weight per unit. */
public record VariantShipping(VariantId variantId, ProductId productId, String sku, int weightGrams) {
}
