package com.example.shop.order.ordering.client;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import com.example.shop.order.ordering.Carts;
import com.example.shop.order.ordering.DependencyUnavailableException;
import com.example.shop.order.ordering.Money;
import com.example.shop.order.ordering.OrderLine;

import tools.jackson.databind.JsonNode;

/**
 * Reads the caller's cart through cart-service's public {@code GET /api/cart}, passing the caller's
 * {@code Authorization} header on so the cart is always the caller's own.
 *
 * <p>Expects {@code {"items":[{"productId","sku","name","quantity","unitPrice":{"amount","currency"}}]}}
 * and is lenient about the rest: unknown fields are ignored, {@code lines} is accepted for {@code items}
 * and {@code price} for {@code unitPrice}.
 */
final class CartServiceCarts implements Carts {

    private final RestClient http;
    private final Attempts attempts;

    CartServiceCarts(RestClient http, Attempts attempts) {
        this.http = http;
        this.attempts = attempts;
    }

    @Override
    public List<OrderLine> linesOf(String authorization) {
        JsonNode cart = attempts.call("reading the cart",
                () -> http.get().uri("/api/cart")
                        .header(HttpHeaders.AUTHORIZATION, authorization)
                        .accept(MediaType.APPLICATION_JSON)
                        .retrieve()
                        .body(JsonNode.class));
        if (cart == null) {
            throw new DependencyUnavailableException("cart-service sent no cart", null);
        }
        try {
            return lines(cart);
        }
        catch (RuntimeException ex) {
            throw new DependencyUnavailableException("cart-service sent a cart this service cannot read: "
                    + ex.getMessage(), ex);
        }
    }

    private static List<OrderLine> lines(JsonNode cart) {
        JsonNode items = cart.has("items") ? cart.get("items") : cart.path("lines");
        List<OrderLine> lines = new ArrayList<>();
        for (JsonNode item : items) {
            JsonNode price = item.has("unitPrice") ? item.get("unitPrice") : item.path("price");
            lines.add(new OrderLine(UUID.fromString(required(item, "productId")), required(item, "sku"),
                    required(item, "name"), item.path("quantity").asInt(),
                    new Money(new BigDecimal(required(price, "amount")), required(price, "currency"))));
        }
        return lines;
    }

    private static String required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.asString().isBlank()) {
            throw new IllegalArgumentException("cart item lacks " + field);
        }
        return value.asString();
    }
}
