package com.example.shop.carrier.rates;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where a parcel goes, seen from the simulated carriers' home country, the Netherlands. Prices and transit
 * times depend on the zone; a country in none of them is not served.
 */
public enum Zone {
    DOMESTIC,
    EU,
    WORLD;

    public static final String HOME_COUNTRY = "NL";

    private static final Set<String> EU_COUNTRIES = Set.of("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI",
            "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "PL", "PT", "RO", "SK", "SI", "ES", "SE");
    private static final Set<String> WORLD_COUNTRIES = Set.of("GB", "CH", "NO", "IS", "US", "CA", "AU", "NZ", "JP",
            "SG");

    /** The zone of an ISO 3166-1 alpha-2 country code (any case), or empty when the carriers do not go there. */
    public static Optional<Zone> of(String country) {
        String code = country.toUpperCase(Locale.ROOT);
        if (HOME_COUNTRY.equals(code)) {
            return Optional.of(DOMESTIC);
        }
        if (EU_COUNTRIES.contains(code)) {
            return Optional.of(EU);
        }
        if (WORLD_COUNTRIES.contains(code)) {
            return Optional.of(WORLD);
        }
        return Optional.empty();
    }
}
