package com.example.shop.psp.refunds;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.example.shop.psp.Concurrently;
import com.example.shop.psp.PspClient;
import com.example.shop.psp.PspClient.Response;

import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "psp.timeout-token-delay=300ms")
class RefundsApiTests {

    @LocalServerPort
    int port;

    PspClient psp;

    @BeforeEach
    void client() {
        psp = new PspClient(port);
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    private static String refund(String intentId, Long amount, String reference) {
        return """
                {"payment_intent": "%s"%s%s}""".formatted(intentId,
                amount == null ? "" : ", \"amount\": " + amount,
                reference == null ? "" : ", \"metadata\": {\"merchant_reference\": \"" + reference + "\"}");
    }

    private static List<String> ids(Response list) {
        return list.json().path("data").valueStream().map(refund -> refund.path("id").asString()).toList();
    }

    @Test
    void refundsPartOfACapturedIntent() {
        String intent = psp.captured("tok_visa", 1999);
        String reference = "return-" + UUID.randomUUID();

        Response refund = psp.refund(key(), refund(intent, 500L, reference));

        assertThat(refund.status()).isEqualTo(200);
        assertThat(refund.id()).startsWith("re_");
        assertThat(refund.text("object")).isEqualTo("refund");
        assertThat(refund.number("amount")).isEqualTo(500);
        assertThat(refund.text("currency")).isEqualTo("eur");
        assertThat(refund.text("payment_intent")).isEqualTo(intent);
        assertThat(refund.text("status")).isEqualTo("succeeded");
        assertThat(refund.json().path("metadata").path("merchant_reference").asString()).isEqualTo(reference);
        assertThat(refund.number("created")).isPositive();
        assertThat(refund.header("Idempotent-Replayed")).isEqualTo("false");
        Response after = psp.get("/v1/payment_intents/" + intent);
        assertThat(after.number("amount_refunded")).isEqualTo(500);
        assertThat(after.text("status")).isEqualTo("succeeded");
    }

    @Test
    void refundsEverythingLeftWhenNoAmountIsGiven() {
        String intent = psp.captured("tok_visa", 1999);
        psp.refund(key(), refund(intent, 500L, null));

        Response rest = psp.refund(key(), refund(intent, null, null));

        assertThat(rest.status()).isEqualTo(200);
        assertThat(rest.number("amount")).isEqualTo(1499);
        assertThat(psp.get("/v1/payment_intents/" + intent).number("amount_refunded")).isEqualTo(1999);
    }

    @Test
    void refundsOnlyWhatWasCapturedOfAPartialCapture() {
        String intent = psp.held("tok_visa", 1999);
        psp.capture(intent, key(), "{\"amount_to_capture\": 1000}");

        Response tooMuch = psp.refund(key(), refund(intent, 1001L, null));
        Response all = psp.refund(key(), refund(intent, null, null));

        assertThat(tooMuch.status()).isEqualTo(400);
        assertThat(tooMuch.error("code")).isEqualTo("amount_too_large");
        assertThat(all.number("amount")).isEqualTo(1000);
    }

    @Test
    void addsUpPartialRefundsAndRefusesMoreThanIsLeft() {
        String intent = psp.captured("tok_visa", 1000);
        psp.refund(key(), refund(intent, 400L, null));
        psp.refund(key(), refund(intent, 400L, null));

        Response tooMuch = psp.refund(key(), refund(intent, 201L, null));

        assertThat(tooMuch.status()).isEqualTo(400);
        assertThat(tooMuch.error("type")).isEqualTo("invalid_request_error");
        assertThat(tooMuch.error("code")).isEqualTo("amount_too_large");
        assertThat(tooMuch.error("param")).isEqualTo("amount");
        assertThat(psp.get("/v1/payment_intents/" + intent).number("amount_refunded")).isEqualTo(800);
    }

    @Test
    void refusesARefundOfAFullyRefundedIntent() {
        String intent = psp.captured("tok_visa", 1000);
        psp.refund(key(), refund(intent, null, null));

        Response again = psp.refund(key(), refund(intent, 1L, null));

        assertThat(again.status()).isEqualTo(400);
        assertThat(again.error("code")).isEqualTo("charge_already_refunded");
    }

    @Test
    void refusesARefundOfAnIntentThatIsOnlyHeld() {
        String intent = psp.held("tok_visa", 1000);

        Response refund = psp.refund(key(), refund(intent, null, null));

        assertThat(refund.status()).isEqualTo(400);
        assertThat(refund.error("code")).isEqualTo("payment_intent_unexpected_state");
        assertThat(psp.get("/v1/payment_intents/" + intent).number("amount_refunded")).isZero();
    }

    @Test
    void refusesARefundOfACanceledIntent() {
        String intent = psp.held("tok_visa", 1000);
        psp.cancel(intent);

        Response refund = psp.refund(key(), refund(intent, null, null));

        assertThat(refund.status()).isEqualTo(400);
        assertThat(refund.error("code")).isEqualTo("payment_intent_unexpected_state");
    }

    @Test
    void refusesARefundOfAnUnknownIntent() {
        Response refund = psp.refund(key(), refund("pi_unknown", null, null));

        assertThat(refund.status()).isEqualTo(400);
        assertThat(refund.error("code")).isEqualTo("resource_missing");
        assertThat(refund.error("param")).isEqualTo("payment_intent");
    }

    @Test
    void replaysTheRefundForTheSameKeyAndBodyWithoutRefundingTwice() {
        String intent = psp.captured("tok_visa", 1000);
        String key = key();
        Response first = psp.refund(key, refund(intent, 300L, null));

        Response again = psp.refund(key, refund(intent, 300L, null));

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(psp.get("/v1/payment_intents/" + intent).number("amount_refunded")).isEqualTo(300);
    }

    @Test
    void rejectsTheRefundKeyWithAnotherAmount() {
        String intent = psp.captured("tok_visa", 1000);
        String key = key();
        psp.refund(key, refund(intent, 300L, null));

        Response other = psp.refund(key, refund(intent, 400L, null));

        assertThat(other.status()).isEqualTo(400);
        assertThat(other.error("type")).isEqualTo("idempotency_error");
        assertThat(psp.get("/v1/payment_intents/" + intent).number("amount_refunded")).isEqualTo(300);
    }

    @Test
    void requiresAnIdempotencyKeyToRefund() {
        String intent = psp.captured("tok_visa", 1000);

        Response refund = psp.refund(null, refund(intent, null, null));

        assertThat(refund.status()).isEqualTo(400);
        assertThat(refund.error("param")).isEqualTo("Idempotency-Key");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "not json                                               | parameter_invalid         |",
            "{\"amount\":100}                                       | parameter_missing         | payment_intent",
            "{\"payment_intent\":\"\"}                              | parameter_invalid_empty   | payment_intent",
            "{\"payment_intent\":\"pi_x\",\"amount\":0}             | amount_too_small          | amount",
            "{\"payment_intent\":\"pi_x\",\"amount\":1.5}           | parameter_invalid_integer | amount",
            "{\"payment_intent\":\"pi_x\",\"metadata\":[1]}         | parameter_invalid         | metadata",
            "{\"payment_intent\":\"pi_x\",\"reason\":\"duplicate\"} | parameter_unknown         | reason",
    })
    void rejectsAMalformedRefund(String body, String code, String param) {
        Response response = psp.refund(key(), body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.error("type")).isEqualTo("invalid_request_error");
        assertThat(response.error("code")).isEqualTo(code);
        assertThat(response.error("param")).isEqualTo(param);
    }

    @Test
    void findsARefundById() {
        String intent = psp.captured("tok_visa", 1000);
        String id = psp.refund(key(), refund(intent, 100L, null)).id();

        Response found = psp.get("/v1/refunds/" + id);

        assertThat(found.status()).isEqualTo(200);
        assertThat(found.id()).isEqualTo(id);
        assertThat(found.number("amount")).isEqualTo(100);
    }

    @Test
    void answersAnUnknownRefundWith404() {
        Response found = psp.get("/v1/refunds/re_unknown");

        assertThat(found.status()).isEqualTo(404);
        assertThat(found.error("code")).isEqualTo("resource_missing");
    }

    @Test
    void listsTheRefundsOfAnIntentNewestFirst() {
        String intent = psp.captured("tok_visa", 1000);
        String first = psp.refund(key(), refund(intent, 100L, null)).id();
        String second = psp.refund(key(), refund(intent, 200L, null)).id();
        String other = psp.captured("tok_visa", 1000);
        psp.refund(key(), refund(other, 100L, null));

        Response list = psp.get("/v1/refunds?payment_intent=" + intent);

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.text("object")).isEqualTo("list");
        assertThat(list.json().path("has_more").asBoolean(true)).isFalse();
        assertThat(ids(list)).containsExactly(second, first);
    }

    @Test
    void listsTheRefundsWithAMerchantReference() {
        String intent = psp.captured("tok_visa", 1000);
        String reference = "return-" + UUID.randomUUID();
        String wanted = psp.refund(key(), refund(intent, 100L, reference)).id();
        psp.refund(key(), refund(intent, 100L, "another-" + reference));

        Response list = psp.get("/v1/refunds?merchant_reference=" + reference);
        Response both = psp.get("/v1/refunds?merchant_reference=" + reference + "&payment_intent=" + intent);
        Response none = psp.get("/v1/refunds?merchant_reference=" + reference + "&payment_intent=pi_other");

        assertThat(ids(list)).containsExactly(wanted);
        assertThat(ids(both)).containsExactly(wanted);
        assertThat(ids(none)).isEmpty();
    }

    @Test
    void rejectsAnUnknownListFilter() {
        Response list = psp.get("/v1/refunds?charge=ch_1");

        assertThat(list.status()).isEqualTo(400);
        assertThat(list.error("code")).isEqualTo("parameter_unknown");
    }

    @Test
    void neverRefundsMoreThanWasCapturedUnderConcurrentRefunds() throws Exception {
        String intent = psp.captured("tok_visa", 1000);

        List<Response> responses = Concurrently.run(10, caller -> psp.refund(key(), refund(intent, 300L, null)));

        assertThat(responses).filteredOn(response -> response.status() == 200).hasSize(3);
        assertThat(responses).filteredOn(response -> response.status() != 200).hasSize(7)
                .allSatisfy(response -> assertThat(response.error("code")).isEqualTo("amount_too_large"));
        assertThat(psp.get("/v1/payment_intents/" + intent).number("amount_refunded")).isEqualTo(900);
        JsonNode refunds = psp.get("/v1/refunds?payment_intent=" + intent).json().path("data");
        assertThat(refunds.size()).isEqualTo(3);
    }
}
