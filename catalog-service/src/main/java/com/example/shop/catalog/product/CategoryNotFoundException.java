package com.example.shop.catalog.product;

/** No category has the given id. */
public class CategoryNotFoundException extends RuntimeException {

    public CategoryNotFoundException(CategoryId id) {
        super("No category with id " + id + ".");
    }
}
