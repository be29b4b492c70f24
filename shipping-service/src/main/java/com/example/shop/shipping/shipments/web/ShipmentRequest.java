package com.example.shop.shipping.shipments.web;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /internal/shipments}:
 * {@code {"orderId","customerId","weightGrams","address":{"name","line1","city","postalCode","country"}}}.
 *
 * @param customerId the order's customer; optional so callers that predate it keep working (stored as null)
 */
record ShipmentRequest(
        @NotNull UUID orderId,
        UUID customerId,
        @NotNull @Positive @Max(MAX_WEIGHT_GRAMS) Integer weightGrams,
        @NotNull @Valid Address address) {

    /** A bound that keeps the weight an int; what a carrier actually takes is the carrier's to say (422). */
    static final long MAX_WEIGHT_GRAMS = 1_000_000;
    /** ISO alpha-2, any case, surrounding blanks allowed (as order-service accepts it). */
    static final String COUNTRY = "\\s*[A-Za-z]{2}\\s*";

    record Address(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 200) String line1,
            @NotBlank @Size(max = 100) String city,
            @NotBlank @Size(max = 32) String postalCode,
            @NotNull @Pattern(regexp = COUNTRY, message = "must be a two-letter country code") String country) {
    }
}
