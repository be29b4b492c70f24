package com.example.shop.catalog.product;

import java.util.List;
import java.util.Map;

/**
 * What an administrator supplies to add a product with its first (default) variant; validated at the edge,
 * re-checked here. The category is named either by id or by slug ({@code category}); an unknown slug becomes a
 * new root category, as the flat catalogue of the first API version allowed any category text.
 *
 * @param weightGrams the default variant's shipping weight; {@code null} gives {@value Variant#DEFAULT_WEIGHT_GRAMS}
 */
public record NewProduct(String sku, String name, String description, String category, CategoryId categoryId,
        String brand, List<String> images, ProductStatus status, Map<String, String> attributes, Pricing pricing,
        int available, Integer weightGrams) {

    public NewProduct {
        images = images == null ? List.of() : List.copyOf(images);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        status = status == null ? ProductStatus.ACTIVE : status;
        if (available < 0) {
            throw new InvalidCatalogDataException("available must not be negative");
        }
        weightGrams = Variant.weightOrDefault(weightGrams);
        if (category == null && categoryId == null) {
            throw new InvalidCatalogDataException("A product needs a category.");
        }
        if (status == ProductStatus.ARCHIVED) {
            throw new InvalidCatalogDataException("A new product is DRAFT or ACTIVE.");
        }
    }

    /** The first API version's product: active at once, one variant, no brand, images or attributes. */
    public NewProduct(String sku, String name, String description, String category, Money price, int available) {
        this(sku, name, description, category, null, null, List.of(), ProductStatus.ACTIVE, Map.of(),
                Pricing.listOnly(price), available, null);
    }
}
