package com.example.shop.order.ordering;

/** A checkout the customer asked for that cannot be done; the web adapter turns each kind into a problem. */
public abstract sealed class CheckoutException extends RuntimeException {

    private CheckoutException(String message) {
        super(message);
    }

    /** The cart has no lines, so there is nothing to order. */
    public static final class EmptyCart extends CheckoutException {
        public EmptyCart() {
            super("Your cart is empty.");
        }
    }

    /** The cart has more lines than one order (and one stock reservation) may have. */
    public static final class TooManyLines extends CheckoutException {
        public TooManyLines(int lines, int max) {
            super("Your cart has " + lines + " lines; an order can have at most " + max + ".");
        }
    }

    /** The cart could not be read; nothing was stored. */
    public static final class CartUnavailable extends CheckoutException {
        public CartUnavailable() {
            super("The cart cannot be read right now; please try again.");
        }
    }

    /** The idempotency key was already used by this customer for a different request. */
    public static final class IdempotencyKeyReused extends CheckoutException {
        public IdempotencyKeyReused() {
            super("This Idempotency-Key was already used for a different request.");
        }
    }
}
