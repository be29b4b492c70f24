package com.example.shop.shipping.shipments;

import java.util.Locale;
import java.util.Objects;

/** What a price depends on besides the weight: the country (ISO alpha-2, upper case) and postal code. */
public record Destination(String country, String postalCode) {

    public Destination {
        country = Objects.requireNonNull(country, "country").strip().toUpperCase(Locale.ROOT);
        postalCode = Objects.requireNonNull(postalCode, "postalCode").strip();
    }
}
