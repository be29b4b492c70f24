package com.example.shop.payment.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.example.shop.contracts.payment.PaymentEvents;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The events payment-service publishes match the samples in {@code platform/payment-events}. Envelope ids and
 * times differ by nature and are left out; the sample's payment, order and refund ids and times are used as they
 * are, so every other field is compared exactly.
 */
class PaymentEventsContractTests {

    /** Serialises the data the way the outbox does: Boot's JsonMapper with its defaults. */
    private static final JsonMapper json = JsonMapper.builder().build();

    private static final PaymentId PAYMENT = new PaymentId(UUID.fromString("8b9c0d1e-2f3a-4b4c-9d5e-6f7a8b9c0d1e"));
    private static final OrderId ORDER = new OrderId(UUID.fromString("5f2b7c1e-3a4d-4e6f-8a9b-0c1d2e3f4a5b"));
    private static final UUID REFUND = UUID.fromString("3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f");

    private static JsonNode sample(String type) throws IOException {
        try (InputStream in = PaymentEventsContractTests.class.getResourceAsStream("/contracts/payment-events/" + type + ".json")) {
            return withoutEnvelopeIdAndTime(json.readTree(in));
        }
    }

    /** An envelope as {@code Outbox.publish(PaymentEvents.TOPIC, orderId, type, data)} writes it. */
    private static JsonNode published(String type, Object data) {
        ObjectNode envelope = json.createObjectNode();
        envelope.put("id", UUID.randomUUID().toString());
        envelope.put("type", type);
        envelope.put("source", "payment-service");
        envelope.put("time", Instant.now().toString());
        envelope.put("subject", ORDER.toString());
        envelope.set("data", json.valueToTree(data));
        return withoutEnvelopeIdAndTime(envelope);
    }

    private static JsonNode withoutEnvelopeIdAndTime(JsonNode node) {
        ((ObjectNode) node).remove(List.of("id", "time"));
        return node;
    }

    private static Payment payment(String amount) {
        Instant at = Instant.parse("2026-11-22T10:15:29Z");
        return new Payment(PAYMENT, ORDER, Money.of(new BigDecimal(amount), "EUR"), "tok_visa", PaymentStatus.AUTHORIZED,
                "pi_123", null, at, at);
    }

    private static PaymentOperation operation(Payment payment, OperationKind kind, String amount, UUID refundId) {
        Instant at = Instant.parse("2026-11-22T10:15:29Z");
        return new PaymentOperation(OperationId.random(), payment.id(), kind, Money.of(new BigDecimal(amount), "EUR"),
                "key", refundId, null, OperationStatus.SUCCEEDED, "ref", 1, null, at, at, at);
    }

    @Test
    void publishesPaymentAuthorizedAsTheContractSampleShowsIt() throws IOException {
        var data = PaymentEventsTranslator.authorized(payment("59.97"), Instant.parse("2026-11-22T10:15:29Z"));

        assertThat(published(PaymentEvents.PAYMENT_AUTHORIZED, data)).isEqualTo(sample(PaymentEvents.PAYMENT_AUTHORIZED));
    }

    @Test
    void publishesPaymentCapturedAsTheContractSampleShowsIt() throws IOException {
        Payment payment = payment("59.97");
        var data = PaymentEventsTranslator.captured(payment, operation(payment, OperationKind.CAPTURE, "59.97", null),
                Instant.parse("2026-11-22T11:00:00Z"));

        assertThat(published(PaymentEvents.PAYMENT_CAPTURED, data)).isEqualTo(sample(PaymentEvents.PAYMENT_CAPTURED));
    }

    @Test
    void publishesPaymentVoidedAsTheContractSampleShowsIt() throws IOException {
        var data = PaymentEventsTranslator.voided(payment("59.97"), Instant.parse("2026-11-22T10:20:00Z"));

        assertThat(published(PaymentEvents.PAYMENT_VOIDED, data)).isEqualTo(sample(PaymentEvents.PAYMENT_VOIDED));
    }

    @Test
    void publishesPaymentRefundedAsTheContractSampleShowsIt() throws IOException {
        Payment payment = payment("19.99");
        var data = PaymentEventsTranslator.refunded(payment, operation(payment, OperationKind.REFUND, "19.99", REFUND),
                new BigDecimal("19.99"), Instant.parse("2026-11-27T14:05:00Z"));

        assertThat(published(PaymentEvents.PAYMENT_REFUNDED, data)).isEqualTo(sample(PaymentEvents.PAYMENT_REFUNDED));
    }

    @Test
    void writesATotalRefundedAtTheCurrencysScale() {
        Payment payment = payment("20.00");
        var data = PaymentEventsTranslator.refunded(payment, operation(payment, OperationKind.REFUND, "5", REFUND),
                new BigDecimal("5"), Instant.parse("2026-11-27T14:05:00Z"));

        JsonNode tree = json.valueToTree(data);
        assertThat(tree.get("amount").get("amount").asString()).isEqualTo("5.00");
        assertThat(tree.get("totalRefunded").get("amount").asString()).isEqualTo("5.00");
        assertThat(Currency.getInstance(tree.get("totalRefunded").get("currency").asString()).getCurrencyCode())
                .isEqualTo("EUR");
    }
}
