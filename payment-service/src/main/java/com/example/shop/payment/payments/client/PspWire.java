package com.example.shop.payment.payments.client;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The provider's JSON, reduced to what the adapter reads and writes. */
final class PspWire {

    private PspWire() {
    }

    record CreatePaymentIntent(
            long amount,
            String currency,
            @JsonProperty("payment_method") String paymentMethod,
            @JsonProperty("capture_method") String captureMethod,
            Map<String, String> metadata) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PaymentIntent(String id, String status) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ErrorEnvelope(Error error) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Error(String type, String code, @JsonProperty("decline_code") String declineCode, String message) {
    }
}
