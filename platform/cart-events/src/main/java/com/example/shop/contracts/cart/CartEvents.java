package com.example.shop.contracts.cart;

/**
 * The published contract of cart-service: one topic keyed by cart id, and the stable wire type of each event
 * on it. Consumers switch on the type and ignore types they do not know.
 *
 * <p>It lives in cart-service for now, in the package a {@code platform/cart-events} module would have, so
 * moving it there changes no import.
 */
public final class CartEvents {

    /** Topic of all cart events; the Kafka key is the cart id. */
    public static final String TOPIC = "cart-events";

    public static final String CART_ABANDONED = "cart.abandoned.v1";

    private CartEvents() {
    }
}
