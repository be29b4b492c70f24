package com.example.shop.order.ordering.web;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/orders/{id}/returns}. */
record ReturnRequest(@NotEmpty @Size(max = 100) List<@NotNull @Valid Line> lines, @Size(max = 500) String reason) {

    record Line(@NotNull @Min(1) @Max(100) Integer lineNo, @NotNull @Min(1) @Max(100000) Integer quantity) {
    }
}
