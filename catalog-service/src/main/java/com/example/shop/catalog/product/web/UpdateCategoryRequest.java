package com.example.shop.catalog.product.web;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code PUT /api/products/categories/{id}}: rename, and move under {@code parentId} (a root when null). */
record UpdateCategoryRequest(@NotBlank @Size(max = 100) String name, UUID parentId) {
}
