package com.example.shop.contracts.catalog;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code product.price_changed.v1}: an administrator changed a variant's prices. Carts hold variant ids (they
 * call them product ids), so {@code variantId} is what a cart matches its lines on.
 *
 * @param salePrice {@code null} when the variant has no sale price; {@code saleFrom}/{@code saleTo} may be
 *        {@code null} for an open end
 * @param effectivePrice the price at {@code changedAt}; a sale window that opens or closes later changes the
 *        effective price without another event
 */
public record ProductPriceChanged(UUID productId, UUID variantId, String sku, Money listPrice, Money salePrice,
        Instant saleFrom, Instant saleTo, Money effectivePrice, Instant changedAt) {
}
