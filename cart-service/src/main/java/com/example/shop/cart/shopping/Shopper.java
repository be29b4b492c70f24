package com.example.shop.cart.shopping;

/** Whose cart a request is about: a signed-in customer's, a known guest's, or a guest's yet to be created. */
public sealed interface Shopper {

    /** A customer with a valid token; their cart is created on the first change. */
    record Customer(CustomerId id) implements Shopper {
    }

    /** A guest who sent the token of an existing cart; an unknown token is a cart that does not exist. */
    record Guest(CartToken token) implements Shopper {
    }

    /** A guest without a cart yet; a cart is created with this new token on the first change. */
    record NewGuest(CartToken token) implements Shopper {
    }
}
