package com.example.shop.shipping.shipments.web;

import java.util.List;

import com.example.shop.shipping.shipments.Quote;

/** The answer of {@code POST /internal/shipments/quotes}: every service that takes the parcel, cheapest first. */
record QuotesResponse(List<QuoteBody> quotes) {

    record QuoteBody(String carrier, String service, PriceResponse price, int estimatedDays) {
    }

    static QuotesResponse of(List<Quote> quotes) {
        return new QuotesResponse(quotes.stream()
                .map(quote -> new QuoteBody(quote.carrier(), quote.service(), PriceResponse.of(quote.price()),
                        quote.estimatedDays()))
                .toList());
    }
}
