package com.example.shop.shipping.shipments;

import java.util.Locale;
import java.util.Objects;

/** Where a parcel goes and to whom; the country is an upper-case ISO 3166-1 alpha-2 code. */
public record Address(String name, String line1, String city, String postalCode, String country) {

    public Address {
        name = Objects.requireNonNull(name, "name").strip();
        line1 = Objects.requireNonNull(line1, "line1").strip();
        city = Objects.requireNonNull(city, "city").strip();
        postalCode = Objects.requireNonNull(postalCode, "postalCode").strip();
        country = Objects.requireNonNull(country, "country").strip().toUpperCase(Locale.ROOT);
    }

    public Destination destination() {
        return new Destination(country, postalCode);
    }
}
