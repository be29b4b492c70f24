package com.example.shop.cart.shopping;

import com.example.shop.cart.catalogue.ProductId;

/** A product in a cart and how many of it; the price is not stored, it comes from the catalogue. */
public record CartLine(ProductId productId, int quantity) {
}
