package com.example.shop.cart.shopping;

import com.example.shop.cart.catalogue.Money;
import com.example.shop.cart.catalogue.ProductId;

/**
 * A stored cart line: one variant (its id is the product id of every contract, its SKU names it) and how many.
 * The SKU, name and unit price are as the customer last saw them; they are shown only when the catalogue no
 * longer sells the variant, or, for the price, to flag a change. They are {@code null} for lines stored before
 * they were kept.
 */
public record CartLine(ProductId productId, String sku, String name, int quantity, Money seenPrice) {
}
