package com.example.shop.order.ordering.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/orders}. */
record PlaceOrderRequest(@NotBlank @Size(max = 200) String paymentToken,
        @NotNull @Valid ShippingAddressRequest shippingAddress) {

    record ShippingAddressRequest(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 200) String line1,
            @NotBlank @Size(max = 100) String city, @NotBlank @Size(max = 20) String postalCode,
            @NotNull @Pattern(regexp = "\\s*[A-Za-z]{2}\\s*", message = "must be a two-letter country code") String country) {
    }
}
