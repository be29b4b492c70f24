package com.example.shop.contracts.cart;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code cart.abandoned.v1}: a customer's cart with lines has not been changed for the configured time. Published
 * once per abandonment; a cart changed again and left again is reported again. Guest carts are never reported
 * (there is nobody to contact); they expire instead.
 *
 * @param lines the lines as the customer last saw them; {@code unitPrice} is the price then (may be {@code null}
 *        for lines stored before prices were remembered), not a quote
 * @param lastChangedAt when the cart was last changed
 * @param abandonedAt when it was found abandoned
 */
public record CartAbandoned(UUID cartId, UUID customerId, List<Line> lines, Instant lastChangedAt,
        Instant abandonedAt) {

    /** One line: the variant id (called product id everywhere else), its SKU and name, and the quantity. */
    public record Line(UUID productId, String sku, String name, int quantity, Money unitPrice) {
    }
}
