package com.example.shop.cart.shopping;

import java.util.List;

import com.example.shop.cart.catalogue.Money;
import com.example.shop.cart.catalogue.ProductId;

/** A cart priced with the catalogue's current names and prices. */
public record PricedCart(List<Line> lines, Money total) {

    public static PricedCart empty() {
        return new PricedCart(List.of(), Money.zero(Money.EUR));
    }

    static PricedCart of(List<Line> lines) {
        Money total = lines.stream().map(Line::lineTotal).reduce(Money.zero(Money.EUR), Money::plus);
        return new PricedCart(List.copyOf(lines), total);
    }

    /** One priced line. */
    public record Line(ProductId productId, String sku, String name, int quantity, Money unitPrice) {

        public Money lineTotal() {
            return unitPrice.times(quantity);
        }
    }
}
