package com.example.shop.payment.payments.client;

import java.util.List;
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
    record PaymentIntent(String id, String status, @JsonProperty("amount_received") Long amountReceived,
            @JsonProperty("amount_refunded") Long amountRefunded) {
    }

    record Capture(@JsonProperty("amount_to_capture") long amountToCapture) {
    }

    record CreateRefund(@JsonProperty("payment_intent") String paymentIntent, long amount, Map<String, String> metadata) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Refund(String id, String status, Long amount, @JsonProperty("payment_intent") String paymentIntent) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record IntentList(List<PaymentIntent> data) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record RefundList(List<Refund> data) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ErrorEnvelope(Error error) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Error(String type, String code, @JsonProperty("decline_code") String declineCode, String message) {
    }
}
