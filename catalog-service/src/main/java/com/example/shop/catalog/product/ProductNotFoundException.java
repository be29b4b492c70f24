package com.example.shop.catalog.product;

/** No product has the given id. */
public class ProductNotFoundException extends RuntimeException {

    public ProductNotFoundException(ProductId id) {
        super("No product with id " + id + ".");
    }
}
