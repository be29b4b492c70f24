package com.example.shop.catalog.product.web;

import java.math.BigDecimal;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonFormat;

import com.example.shop.catalog.product.Money;
import com.example.shop.catalog.product.Product;

/** A product as the public and the internal API show it. */
record ProductResponse(UUID id, String sku, String name, String description, String category, Price price,
        int available) {

    static ProductResponse from(Product product) {
        return new ProductResponse(product.id().value(), product.sku(), product.name(), product.description(),
                product.category(), Price.from(product.price()), product.available());
    }

    /** The amount is written as a string with exactly two decimals. */
    record Price(@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, String currency) {

        static Price from(Money money) {
            return new Price(money.amount(), money.currency());
        }
    }
}
