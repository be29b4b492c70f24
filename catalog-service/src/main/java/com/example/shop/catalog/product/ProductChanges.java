package com.example.shop.catalog.product;

import java.util.List;

/** The descriptive fields of a product an administrator replaces; prices, stock and status have their own calls. */
public record ProductChanges(String name, String description, String brand, CategoryId categoryId,
        List<String> images) {

    public ProductChanges {
        images = images == null ? List.of() : List.copyOf(images);
    }
}
