package com.example.shop.contracts.order;

import java.util.UUID;

/** One line of an order as the events carry it. */
public record OrderLine(UUID productId, String sku, String name, int quantity, Money unitPrice) {
}
