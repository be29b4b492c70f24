package com.example.shop.catalog.product.web;

/** Patterns shared by the request records. */
final class Validation {

    static final String SKU = "[A-Za-z0-9][A-Za-z0-9-]*";
    static final String ATTRIBUTE_NAME = "[a-z0-9][a-z0-9_-]{0,39}";
    static final String SLUG = "[a-z0-9]+(-[a-z0-9]+)*";

    private Validation() {
    }
}
