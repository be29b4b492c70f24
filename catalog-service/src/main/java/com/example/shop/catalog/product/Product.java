package com.example.shop.catalog.product;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A product of the catalogue with its variants. The first variant is the default one and shares the
 * product's id, which is why an id from the flat product JSON can be put in a cart and reserved.
 */
public record Product(ProductId id, String name, String description, String brand, Category category,
        List<String> images, ProductStatus status, Instant createdAt, List<Variant> variants) {

    public Product {
        images = List.copyOf(images);
        variants = List.copyOf(variants);
        if (variants.isEmpty()) {
            throw new IllegalArgumentException("a product has at least one variant");
        }
    }

    public Variant defaultVariant() {
        return variants.stream().filter(v -> v.id().value().equals(id.value())).findFirst().orElse(variants.get(0));
    }

    public Optional<Variant> variant(VariantId variantId) {
        return variants.stream().filter(v -> v.id().equals(variantId)).findFirst();
    }

    public boolean isActive() {
        return status == ProductStatus.ACTIVE;
    }
}
