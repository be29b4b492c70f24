package com.example.shop.catalog.product;

/** The product has no variant with the given id. */
public class VariantNotFoundException extends RuntimeException {

    public VariantNotFoundException(ProductId product, VariantId variant) {
        super("Product " + product + " has no variant " + variant + ".");
    }

    public VariantNotFoundException(VariantId variant) {
        super("Variant " + variant + " not found.");
    }
}
