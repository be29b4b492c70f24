package com.example.shop.carrier.rates;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import com.example.shop.carrier.ApiError;

/**
 * Prices parcels: the service's base price for the zone plus a surcharge for the weight band, which grows with
 * the distance (x1 at home, x1.5 in the EU, x2.5 elsewhere). Also decides which destinations can be served.
 */
@Component
public class RateTable {

    /** Above this no service takes a parcel. */
    public static final int MAX_WEIGHT_GRAMS = 31_500;

    private static final Pattern COUNTRY = Pattern.compile("[A-Za-z]{2}");
    private static final Pattern DUTCH_POSTAL_CODE = Pattern.compile("[1-9][0-9]{3} ?[A-Za-z]{2}");
    private static final Pattern POSTAL_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 -]{1,9}");

    private static final int[] BAND_LIMITS = {2_000, 5_000, 10_000, 20_000, MAX_WEIGHT_GRAMS};
    private static final BigDecimal[] BAND_SURCHARGES = {
            new BigDecimal("0.00"), new BigDecimal("2.00"), new BigDecimal("5.00"), new BigDecimal("10.00"),
            new BigDecimal("18.00")};

    /**
     * Checks a destination the way a carrier's address validation would.
     *
     * @throws ApiError 422 when the country is invalid or not served, or the postal code is not valid there
     */
    public Destination destination(String country, String postalCode) {
        if (country == null || !COUNTRY.matcher(country).matches()) {
            throw ApiError.unprocessable("ADDRESS.COUNTRY.INVALID", "to.country",
                    "The country must be an ISO 3166-1 alpha-2 code, was '" + country + "'.");
        }
        String code = country.toUpperCase(Locale.ROOT);
        Zone zone = Zone.of(code).orElseThrow(() -> ApiError.unprocessable("ADDRESS.COUNTRY.UNSUPPORTED",
                "to.country", "No carrier delivers to " + code + "."));
        Pattern postal = zone == Zone.DOMESTIC ? DUTCH_POSTAL_CODE : POSTAL_CODE;
        if (postalCode == null || !postal.matcher(postalCode.strip()).matches()) {
            throw ApiError.unprocessable("ADDRESS.POSTAL_CODE.INVALID", "to.postal_code",
                    "'" + postalCode + "' is not a valid postal code in " + code + ".");
        }
        return new Destination(code, zone, postalCode.strip().toUpperCase(Locale.ROOT));
    }

    /**
     * Every service's rate for the parcel, cheapest first.
     *
     * @throws ApiError 422 when no service takes the parcel
     */
    public List<Rate> rates(Destination to, int weightGrams) {
        checkWeight(weightGrams);
        List<Rate> rates = Arrays.stream(Service.values())
                .filter(service -> service.serves(to.zone(), weightGrams))
                .map(service -> rate(service, to.zone(), weightGrams))
                .sorted(Comparator.comparing((Rate rate) -> rate.price().amount()).thenComparing(Rate::estimatedDays))
                .toList();
        if (rates.isEmpty()) {
            throw ApiError.unprocessable("SHIPMENT.NO_RATES", "weight_grams",
                    "No service takes " + weightGrams + " g to " + to.country() + ".");
        }
        return rates;
    }

    /**
     * One service's rate.
     *
     * @throws ApiError 422 when the service does not take this parcel there
     */
    public Rate rate(Service service, Destination to, int weightGrams) {
        checkWeight(weightGrams);
        if (!service.serves(to.zone(), weightGrams)) {
            throw ApiError.unprocessable("SHIPMENT.SERVICE_UNAVAILABLE", "service", service.carrier() + " "
                    + service.service() + " does not take " + weightGrams + " g to " + to.country() + ".");
        }
        return rate(service, to.zone(), weightGrams);
    }

    public Optional<Service> service(String carrier, String service) {
        return Service.of(carrier, service);
    }

    private static Rate rate(Service service, Zone zone, int weightGrams) {
        Service.Tariff tariff = service.tariff(zone);
        BigDecimal factor = switch (zone) {
            case DOMESTIC -> BigDecimal.ONE;
            case EU -> new BigDecimal("1.5");
            case WORLD -> new BigDecimal("2.5");
        };
        BigDecimal price = tariff.base().add(BAND_SURCHARGES[band(weightGrams)].multiply(factor))
                .setScale(2, RoundingMode.HALF_UP);
        return new Rate(service.carrier(), service.service(), new Price(price, "EUR"), tariff.days());
    }

    private static int band(int weightGrams) {
        for (int band = 0; band < BAND_LIMITS.length; band++) {
            if (weightGrams <= BAND_LIMITS[band]) {
                return band;
            }
        }
        throw new IllegalArgumentException("weight above the last band: " + weightGrams);
    }

    private static void checkWeight(int weightGrams) {
        if (weightGrams > MAX_WEIGHT_GRAMS) {
            throw ApiError.unprocessable("SHIPMENT.WEIGHT.TOO_HEAVY", "weight_grams",
                    "Parcels may weigh at most " + MAX_WEIGHT_GRAMS + " g, was " + weightGrams + " g.");
        }
    }
}
