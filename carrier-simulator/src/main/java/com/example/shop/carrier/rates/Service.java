package com.example.shop.carrier.rates;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The simulated carriers' services, each with a base price and transit days per zone it serves, a weight
 * limit and a tracking-number prefix. PARCELCO is the cheapest at home, SWIFTPOST abroad.
 */
public enum Service {
    PARCELCO_STANDARD("PARCELCO", "STANDARD", "PC", 31_500,
            Map.of(Zone.DOMESTIC, new Tariff("4.95", 1), Zone.EU, new Tariff("9.95", 3), Zone.WORLD, new Tariff("19.95", 7))),
    PARCELCO_EXPRESS("PARCELCO", "EXPRESS", "PX", 20_000,
            Map.of(Zone.DOMESTIC, new Tariff("8.95", 1), Zone.EU, new Tariff("17.95", 1), Zone.WORLD, new Tariff("39.95", 3))),
    SWIFTPOST_ECONOMY("SWIFTPOST", "ECONOMY", "SP", 20_000,
            Map.of(Zone.DOMESTIC, new Tariff("5.45", 2), Zone.EU, new Tariff("8.45", 5), Zone.WORLD, new Tariff("16.95", 10)));

    private final String carrier;
    private final String service;
    private final String trackingPrefix;
    private final int maxWeightGrams;
    private final Map<Zone, Tariff> tariffs;

    Service(String carrier, String service, String trackingPrefix, int maxWeightGrams, Map<Zone, Tariff> tariffs) {
        this.carrier = carrier;
        this.service = service;
        this.trackingPrefix = trackingPrefix;
        this.maxWeightGrams = maxWeightGrams;
        this.tariffs = new EnumMap<>(tariffs);
    }

    public String carrier() {
        return carrier;
    }

    public String service() {
        return service;
    }

    public String trackingPrefix() {
        return trackingPrefix;
    }

    public int maxWeightGrams() {
        return maxWeightGrams;
    }

    /** Whether this service takes a parcel of this weight to this zone. */
    public boolean serves(Zone zone, int weightGrams) {
        return tariffs.containsKey(zone) && weightGrams <= maxWeightGrams;
    }

    /** The tariff for a zone; only for a zone this service {@link #serves serves}. */
    Tariff tariff(Zone zone) {
        return tariffs.get(zone);
    }

    public static Optional<Service> of(String carrier, String service) {
        return Arrays.stream(values())
                .filter(s -> s.carrier.equalsIgnoreCase(carrier) && s.service.equalsIgnoreCase(service))
                .findFirst();
    }

    /** A base price in EUR and the transit days to a zone. */
    record Tariff(BigDecimal base, int days) {
        Tariff(String base, int days) {
            this(new BigDecimal(base), days);
        }
    }
}
