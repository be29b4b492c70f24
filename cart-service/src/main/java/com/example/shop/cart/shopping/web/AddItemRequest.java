package com.example.shop.cart.shopping.web;

import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** Body of {@code POST /api/cart/items}. */
record AddItemRequest(@NotNull UUID productId, @NotNull @Min(1) @Max(99) Integer quantity) {
}
