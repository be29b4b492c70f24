package com.example.shop.cart.shopping.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;

import com.example.shop.cart.catalogue.Money;
import com.example.shop.cart.shopping.CartToken;
import com.example.shop.cart.shopping.LineProblem;
import com.example.shop.cart.shopping.PricedCart;

/**
 * The cart as {@code GET /api/cart} shows it. {@code items} holds only lines the catalogue sells now (they make
 * the total, and they are all order-service reads); lines it no longer sells are in {@code unavailableItems}.
 *
 * @param cartToken only in the answer that created a guest cart
 */
record CartResponse(List<Item> items, List<UnavailableItem> unavailableItems, MoneyJson total, boolean needsReview,
        @JsonInclude(JsonInclude.Include.NON_NULL) String cartToken) {

    static CartResponse from(PricedCart cart) {
        return from(cart, null);
    }

    static CartResponse from(PricedCart cart, CartToken issued) {
        return new CartResponse(cart.lines().stream().map(Item::from).toList(),
                cart.unavailable().stream().map(UnavailableItem::from).toList(), MoneyJson.from(cart.total()),
                cart.needsReview(), issued == null ? null : issued.value());
    }

    record Item(UUID productId, String sku, String name, int quantity, MoneyJson unitPrice, MoneyJson lineTotal,
            boolean available, boolean priceChanged,
            @JsonInclude(JsonInclude.Include.NON_NULL) MoneyJson previousUnitPrice,
            @JsonInclude(JsonInclude.Include.NON_NULL) LineProblem problem) {

        static Item from(PricedCart.Line line) {
            return new Item(line.productId().value(), line.sku(), line.name(), line.quantity(),
                    MoneyJson.from(line.unitPrice()), MoneyJson.from(line.lineTotal()), true, line.priceChanged(),
                    line.previousUnitPrice() == null ? null : MoneyJson.from(line.previousUnitPrice()), line.problem());
        }
    }

    record UnavailableItem(UUID productId, String sku, String name, int quantity, boolean available,
            LineProblem problem) {

        static UnavailableItem from(PricedCart.UnavailableLine line) {
            return new UnavailableItem(line.productId().value(), line.sku(), line.name(), line.quantity(), false,
                    line.problem());
        }
    }

    /** The amount is a decimal string with two decimals, as everywhere in the shop's API. */
    record MoneyJson(@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, String currency) {

        static MoneyJson from(Money money) {
            return new MoneyJson(money.amount(), money.currency());
        }
    }
}
