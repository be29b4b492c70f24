package com.example.shop.shipping.shipments.client;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The carrier's JSON, reduced to what the adapter reads and writes. */
final class CarrierWire {

    private CarrierWire() {
    }

    record RatesRequest(To to, @JsonProperty("weight_grams") int weightGrams) {
        record To(String country, @JsonProperty("postal_code") String postalCode) {
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Rates(List<Rate> rates) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Rate(String carrier, String service, Price price, @JsonProperty("estimated_days") int estimatedDays) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Price(BigDecimal amount, String currency) {
    }

    record LabelRequest(String carrier, String service, Recipient to, @JsonProperty("weight_grams") int weightGrams,
            String reference) {
        record Recipient(String name, String line1, String city, @JsonProperty("postal_code") String postalCode,
                String country) {
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Label(String id, @JsonProperty("tracking_number") String trackingNumber,
            @JsonProperty("tracking_url") String trackingUrl, String carrier, String service, Price price,
            Instant created) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Tracker(@JsonProperty("tracking_number") String trackingNumber, String status, List<Event> events) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Event(String status, String location, @JsonProperty("occurred_at") Instant occurredAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ErrorEnvelope(Error error) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Error(String code, String message, String field) {
    }
}
