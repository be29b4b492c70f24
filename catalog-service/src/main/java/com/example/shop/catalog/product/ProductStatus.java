package com.example.shop.catalog.product;

/**
 * Where a product is in its life. Only {@link #ACTIVE} products are found by the public search and can be
 * reserved; an archived product stays readable by id (old links, order history) but is never sold again.
 */
public enum ProductStatus {
    DRAFT, ACTIVE, ARCHIVED;

    /** DRAFT -> ACTIVE -> ARCHIVED, and DRAFT -> ARCHIVED for a draft that is dropped; nothing goes back. */
    public boolean canMoveTo(ProductStatus next) {
        return switch (this) {
            case DRAFT -> next == ACTIVE || next == ARCHIVED;
            case ACTIVE -> next == ARCHIVED;
            case ARCHIVED -> false;
        };
    }
}
