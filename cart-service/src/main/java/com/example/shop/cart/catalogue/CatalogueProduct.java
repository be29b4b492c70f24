package com.example.shop.cart.catalogue;

/**
 * What the cart needs to know of a sellable variant, as the catalogue has it now.
 *
 * @param price the price in effect now
 * @param available units in stock; {@link Integer#MAX_VALUE} when the catalogue did not say
 */
public record CatalogueProduct(ProductId id, String sku, String name, Money price, int available) {

    public CatalogueProduct(ProductId id, String sku, String name, Money price) {
        this(id, sku, name, price, Integer.MAX_VALUE);
    }
}
