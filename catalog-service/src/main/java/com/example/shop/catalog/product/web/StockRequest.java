package com.example.shop.catalog.product.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** Body of {@code PUT /api/products/{id}/stock}. */
record StockRequest(@NotNull @Min(0) @Max(1_000_000) Integer available) {
}
