package com.example.shop.catalog.product;

/** Another product already has this sku. */
public class DuplicateSkuException extends RuntimeException {

    public DuplicateSkuException(String sku) {
        super("A variant with sku " + sku + " already exists.");
    }
}
