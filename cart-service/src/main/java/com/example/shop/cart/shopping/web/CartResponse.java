package com.example.shop.cart.shopping.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonFormat;

import com.example.shop.cart.catalogue.Money;
import com.example.shop.cart.shopping.PricedCart;

/** The cart as {@code GET /api/cart} shows it. */
record CartResponse(List<Item> items, MoneyJson total) {

    static CartResponse from(PricedCart cart) {
        return new CartResponse(cart.lines().stream().map(Item::from).toList(), MoneyJson.from(cart.total()));
    }

    record Item(UUID productId, String sku, String name, int quantity, MoneyJson unitPrice, MoneyJson lineTotal) {

        static Item from(PricedCart.Line line) {
            return new Item(line.productId().value(), line.sku(), line.name(), line.quantity(),
                    MoneyJson.from(line.unitPrice()), MoneyJson.from(line.lineTotal()));
        }
    }

    /** The amount is a decimal string with two decimals, as everywhere in the shop's API. */
    record MoneyJson(@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, String currency) {

        static MoneyJson from(Money money) {
            return new MoneyJson(money.amount(), money.currency());
        }
    }
}
