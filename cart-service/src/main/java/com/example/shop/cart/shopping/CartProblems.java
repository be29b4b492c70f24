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

    /** A new line would take the cart beyond its most lines. */
    public static class LineLimitExceededException extends RuntimeException {
        public LineLimitExceededException(int maxLines) {
            super("A cart holds at most " + maxLines + " lines; remove one before adding another product.");
        }
    }

    /** No cart has the guest's cart token: it was never issued, has expired, or was merged on login. */
    public static class CartNotFoundException extends RuntimeException {
        public CartNotFoundException() {
            super("No cart for this cart token; it may have expired or been merged into a customer's cart. "
                    + "Send the request without X-Cart-Token to start a new cart.");
        }
    }
}
