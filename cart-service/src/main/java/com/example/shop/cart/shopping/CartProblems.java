package com.example.shop.cart.shopping;

import com.example.shop.cart.catalogue.ProductId;

/** Why a cart change was refused. */
public final class CartProblems {

    private CartProblems() {
    }

    /** The product is not in the catalogue, so it cannot be put in a cart. */
    public static class ProductNotInCatalogueException extends RuntimeException {
        public ProductNotInCatalogueException(ProductId id) {
            super("No product with id " + id + " in the catalogue.");
        }
    }

    /** The cart has no line for the product. */
    public static class LineNotInCartException extends RuntimeException {
        public LineNotInCartException(ProductId id) {
            super("The cart has no line for product " + id + ".");
        }
    }

    /** A line would hold more than {@link ShoppingCarts#MAX_QUANTITY} units. */
    public static class QuantityLimitExceededException extends RuntimeException {
        public QuantityLimitExceededException(ProductId id) {
            super("A cart line holds at most " + ShoppingCarts.MAX_QUANTITY + " units; product " + id
                    + " would exceed that.");
        }
    }
}
