package com.example.shop.shipping.shipments.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** {@code POST /internal/shipments/quotes}: {@code {"weightGrams","destination":{"country","postalCode"}}}. */
record QuoteRequest(
        @NotNull @Positive @Max(ShipmentRequest.MAX_WEIGHT_GRAMS) Integer weightGrams,
        @NotNull @Valid Destination destination) {

    record Destination(
            @NotNull @Pattern(regexp = ShipmentRequest.COUNTRY, message = "must be a two-letter country code") String country,
            @NotBlank @Size(max = 32) String postalCode) {
    }
}
