package com.example.shop.catalog.product;

import java.util.Map;

/**
 * A sellable item of a product: its own sku, attributes (size, colour, ...), prices, stock and shipping weight.
 *
 * @param attributes attribute name to value, for example {@code colour -> navy}; names are lower case
 * @param available units in stock that are not reserved by an order; never negative
 * @param weightGrams the shipping weight of one unit, 1..{@value #MAX_WEIGHT_GRAMS} grams
 */
public record Variant(VariantId id, String sku, Map<String, String> attributes, Pricing pricing, int available,
        int weightGrams) {

    /** The weight of a variant nobody gave a weight (every variant made before weights existed). */
    public static final int DEFAULT_WEIGHT_GRAMS = 500;

    /** 100 kg: the most one parcel unit may weigh; anything above is a typing mistake, not a product. */
    public static final int MAX_WEIGHT_GRAMS = 100_000;

    public Variant {
        attributes = Map.copyOf(attributes);
        checkWeight(weightGrams);
    }

    /** Refuses a weight outside 1..{@value #MAX_WEIGHT_GRAMS} grams with {@link InvalidCatalogDataException}. */
    public static int checkWeight(int weightGrams) {
        if (weightGrams < 1 || weightGrams > MAX_WEIGHT_GRAMS) {
            throw new InvalidCatalogDataException("weightGrams must be between 1 and " + MAX_WEIGHT_GRAMS + ".");
        }
        return weightGrams;
    }

    /** The given weight, or {@link #DEFAULT_WEIGHT_GRAMS} when none was given; checked either way. */
    static int weightOrDefault(Integer weightGrams) {
        return checkWeight(weightGrams == null ? DEFAULT_WEIGHT_GRAMS : weightGrams);
    }
}
