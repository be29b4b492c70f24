package com.example.shop.catalog.product.web;

import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import com.example.shop.catalog.product.Pricing;

/**
 * Body of the price endpoints: a list price and an optional sale price with an optional window. The rules
 * between them (sale below list, window start before end) are {@link Pricing}'s and answer 400 too.
 */
record PricingRequest(@NotNull @Valid PriceRequest listPrice, @Valid PriceRequest salePrice, Instant saleFrom,
        Instant saleTo) {

    Pricing toPricing() {
        return new Pricing(listPrice.toMoney(), salePrice == null ? null : salePrice.toMoney(), saleFrom, saleTo);
    }
}
