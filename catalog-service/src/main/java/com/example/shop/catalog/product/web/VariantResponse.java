package com.example.shop.catalog.product.web;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.example.shop.catalog.product.Variant;
import com.example.shop.catalog.product.web.ProductResponse.Price;

/** A variant: its own sku, attributes, prices (price = effective now), stock and shipping weight per unit. */
record VariantResponse(UUID id, String sku, Map<String, String> attributes, Price price, Price listPrice,
        Price salePrice, Instant saleFrom, Instant saleTo, int available, int weightGrams) {

    static VariantResponse from(Variant variant, Instant now) {
        var pricing = variant.pricing();
        return new VariantResponse(variant.id().value(), variant.sku(), variant.attributes(),
                Price.from(pricing.effective(now)), Price.from(pricing.listPrice()), Price.from(pricing.salePrice()),
                pricing.saleFrom(), pricing.saleTo(), variant.available(), variant.weightGrams());
    }
}
