package com.example.shop.carrier.labels;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

import com.example.shop.carrier.rates.Price;

/** A bought shipping label, as the provider shows it. */
public record Label(
        String id,
        @JsonProperty("tracking_number") String trackingNumber,
        @JsonProperty("tracking_url") String trackingUrl,
        String carrier,
        String service,
        Price price,
        String reference,
        Instant created) {
}
