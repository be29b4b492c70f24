package com.example.shop.catalog.product;

/** Another category already has this slug. */
public class DuplicateCategoryException extends RuntimeException {

    public DuplicateCategoryException(String slug) {
        super("A category with slug " + slug + " already exists.");
    }
}
