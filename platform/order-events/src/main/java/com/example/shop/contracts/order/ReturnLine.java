package com.example.shop.contracts.order;

import java.util.UUID;

/** A quantity of one order line that is being returned, at the unit price the customer paid. */
public record ReturnLine(int lineNo, UUID productId, String sku, String name, int quantity, Money unitPrice) {
}
