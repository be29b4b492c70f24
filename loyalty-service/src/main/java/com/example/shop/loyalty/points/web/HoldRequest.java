package com.example.shop.loyalty.points.web;

import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;

/** {@code POST /internal/loyalty/holds}: {@code {"orderId","customerId","points","currency"}}. */
record HoldRequest(
        @NotNull UUID orderId,
        @NotNull UUID customerId,
        @NotNull @PositiveOrZero @Max(MAX_POINTS) Long points,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 currency code") String currency) {

    /** Far above any balance; keeps the arithmetic far from overflow. */
    static final long MAX_POINTS = 1_000_000_000L;
}
