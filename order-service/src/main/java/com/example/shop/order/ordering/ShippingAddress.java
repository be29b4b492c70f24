package com.example.shop.order.ordering;

import java.util.Locale;
import java.util.Objects;

/** Where an order goes. Values are kept trimmed and the country upper-case, so equal addresses compare equal. */
public record ShippingAddress(String name, String line1, String city, String postalCode, String country) {

    public ShippingAddress {
        name = Objects.requireNonNull(name, "name").strip();
        line1 = Objects.requireNonNull(line1, "line1").strip();
        city = Objects.requireNonNull(city, "city").strip();
        postalCode = Objects.requireNonNull(postalCode, "postalCode").strip();
        country = Objects.requireNonNull(country, "country").strip().toUpperCase(Locale.ROOT);
    }
}
