package com.example.shop.carrier.rates;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What one service charges for one parcel, and how many days it takes. */
public record Rate(String carrier, String service, Price price, @JsonProperty("estimated_days") int estimatedDays) {
}
