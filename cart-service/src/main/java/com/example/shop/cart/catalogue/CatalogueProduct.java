package com.example.shop.cart.catalogue;

/** What the cart needs to know of a product, as the catalogue has it now. */
public record CatalogueProduct(ProductId id, String sku, String name, Money price) {
}
