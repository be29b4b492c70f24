package com.example.shop.order.ordering.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.example.shop.order.ordering.Money;
import com.example.shop.order.ordering.Order;
import com.example.shop.order.ordering.OrderLine;
import com.example.shop.order.ordering.OrderStatus;
import com.example.shop.order.ordering.RejectionReason;
import com.example.shop.order.ordering.ShippingAddress;

/** An order as the public API shows it. The payment token is never shown. */
record OrderResponse(UUID id, OrderStatus status, RejectionReason rejectionReason, List<Item> items,
        MoneyResponse total, ShippingAddress shippingAddress, Instant createdAt) {

    record Item(UUID productId, String sku, String name, int quantity, MoneyResponse unitPrice,
            MoneyResponse lineTotal) {

        static Item of(OrderLine line) {
            return new Item(line.productId(), line.sku(), line.name(), line.quantity(),
                    MoneyResponse.of(line.unitPrice()), MoneyResponse.of(line.lineTotal()));
        }
    }

    /** Amounts are decimal strings with two decimals ({@code "19.99"}), never JSON numbers. */
    record MoneyResponse(String amount, String currency) {

        static MoneyResponse of(Money money) {
            return new MoneyResponse(money.amount().toPlainString(), money.currency());
        }
    }

    static OrderResponse of(Order order) {
        return new OrderResponse(order.id().value(), order.status(), order.rejectionReason().orElse(null),
                order.lines().stream().map(Item::of).toList(), MoneyResponse.of(order.total()),
                order.shippingAddress(), order.createdAt());
    }
}
