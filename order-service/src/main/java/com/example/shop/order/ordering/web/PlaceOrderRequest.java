package com.example.shop.order.ordering.web;

import java.math.BigDecimal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/orders}. {@code pointsToRedeem} is optional: a whole number of loyalty points from 0
 * to 10,000,000 (a decimal string or number with a fraction is refused, not rounded).
 */
record PlaceOrderRequest(@NotBlank @Size(max = 200) String paymentToken,
        @NotNull @Valid ShippingAddressRequest shippingAddress,
        @DecimalMin("0") @DecimalMax("10000000") @Digits(integer = 8, fraction = 0) BigDecimal pointsToRedeem) {

    long points() {
        return pointsToRedeem == null ? 0 : pointsToRedeem.longValueExact();
    }

    record ShippingAddressRequest(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 200) String line1,
            @NotBlank @Size(max = 100) String city, @NotBlank @Size(max = 20) String postalCode,
            @NotNull @Pattern(regexp = "\\s*[A-Za-z]{2}\\s*", message = "must be a two-letter country code") String country) {
    }
}
