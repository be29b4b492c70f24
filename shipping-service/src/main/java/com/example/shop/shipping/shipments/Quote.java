package com.example.shop.shipping.shipments;

import java.util.Comparator;

/** What one carrier service charges for a parcel and how many days it takes. */
public record Quote(String carrier, String service, Money price, int estimatedDays) {

    /** Cheapest first; among equal prices, the faster. */
    public static final Comparator<Quote> CHEAPEST_FIRST = Comparator.comparing((Quote quote) -> quote.price().amount())
            .thenComparingInt(Quote::estimatedDays);
}
