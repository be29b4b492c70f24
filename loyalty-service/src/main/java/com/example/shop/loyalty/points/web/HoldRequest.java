package com.example.shop.loyalty.points.web;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * {@code POST /internal/loyalty/holds}: {@code {"orderId","customerId","points","currency","maxDiscount"}}.
 *
 * @param maxDiscount the order's total, the most the points may take off it; {@code null} from callers that
 *        predate it (then every requested point is held)
 */
record HoldRequest(
        @NotNull UUID orderId,
        @NotNull UUID customerId,
        @NotNull @PositiveOrZero @Max(MAX_POINTS) Long points,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 currency code") String currency,
        @Valid MaxDiscount maxDiscount) {

    /** Far above any balance; keeps the arithmetic far from overflow. */
    static final long MAX_POINTS = 1_000_000_000L;

    /** {@code {"amount","currency"}}: an amount of money, never negative. */
    record MaxDiscount(
            @NotNull @PositiveOrZero @Digits(integer = 15, fraction = 2) BigDecimal amount,
            @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 currency code") String currency) {
    }
}
