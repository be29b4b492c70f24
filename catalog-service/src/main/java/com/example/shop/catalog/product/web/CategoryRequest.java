package com.example.shop.catalog.product.web;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/products/categories}; the slug is unique and cannot change later. */
record CategoryRequest(
        @NotBlank @Size(max = 60) @Pattern(regexp = Validation.SLUG, message = "lower-case letters, digits and single dashes") String slug,
        @NotBlank @Size(max = 100) String name, UUID parentId) {
}
