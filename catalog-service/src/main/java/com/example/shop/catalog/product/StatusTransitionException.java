package com.example.shop.catalog.product;

/** The product cannot move to the requested status (for example from ARCHIVED back to ACTIVE). */
public class StatusTransitionException extends RuntimeException {

    public StatusTransitionException(ProductId id, ProductStatus from, ProductStatus to) {
        super("Product " + id + " cannot move from " + from + " to " + to + ".");
    }
}
