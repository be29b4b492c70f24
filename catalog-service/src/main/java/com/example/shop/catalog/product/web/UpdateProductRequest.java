package com.example.shop.catalog.product.web;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.example.shop.catalog.product.CategoryId;
import com.example.shop.catalog.product.ProductChanges;

/** Body of {@code PUT /api/products/{id}}: the product's descriptive fields, all replaced. */
record UpdateProductRequest(@NotBlank @Size(max = 200) String name, @NotNull @Size(max = 2000) String description,
        @Size(max = 100) String brand, @NotNull UUID categoryId,
        @Size(max = 20) List<@NotBlank @Size(max = 500) String> images) {

    ProductChanges toChanges() {
        return new ProductChanges(name.strip(), description.strip(), brand == null || brand.isBlank() ? null : brand.strip(),
                new CategoryId(categoryId), images);
    }
}
