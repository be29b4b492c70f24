package com.example.shop.cart.shopping.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** Body of {@code PUT /api/cart/items/{productId}}; 0 removes the line. */
record SetQuantityRequest(@NotNull @Min(0) @Max(99) Integer quantity) {
}
