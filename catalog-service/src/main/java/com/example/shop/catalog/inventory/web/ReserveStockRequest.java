package com.example.shop.catalog.inventory.web;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.example.shop.catalog.inventory.ReservationLine;
import com.example.shop.catalog.product.ProductId;

/** Body of {@code POST /internal/reservations}. */
record ReserveStockRequest(@NotNull UUID orderId, @NotEmpty @Size(max = 100) List<@NotNull @Valid Line> lines) {

    List<ReservationLine> toLines() {
        return lines.stream().map(line -> new ReservationLine(new ProductId(line.productId()), line.quantity())).toList();
    }

    record Line(@NotNull UUID productId, @NotNull @Min(1) @Max(999) Integer quantity) {
    }
}
