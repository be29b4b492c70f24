package com.example.shop.catalog.product.web;

import jakarta.validation.constraints.NotNull;

import com.example.shop.catalog.product.ProductStatus;

/** Body of {@code PUT /api/products/{id}/status}. */
record StatusRequest(@NotNull ProductStatus status) {
}
