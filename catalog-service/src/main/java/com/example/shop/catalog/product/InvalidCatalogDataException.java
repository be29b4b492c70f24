package com.example.shop.catalog.product;

/** A change that would break a catalogue rule (a negative price, a sale window that ends before it starts, ...). */
public class InvalidCatalogDataException extends IllegalArgumentException {

    public InvalidCatalogDataException(String message) {
        super(message);
    }
}
