package com.example.shop.cart.shopping;

/** Why a cart line cannot be ordered as it stands. */
public enum LineProblem {
    /** The catalogue no longer sells the variant (unknown, draft or archived). */
    UNAVAILABLE,
    /** The catalogue has fewer units in stock than the line's quantity. */
    INSUFFICIENT_STOCK
}
