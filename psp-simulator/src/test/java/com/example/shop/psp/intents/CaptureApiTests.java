package com.example.shop.psp.intents;

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

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "psp.timeout-token-delay=300ms")
class CaptureApiTests {

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

    @Test
    void capturesTheWholeAmountWhenNoAmountIsGiven() {
        String id = psp.held("tok_visa", 1999);

        Response captured = psp.capture(id, key(), null);

        assertThat(captured.status()).isEqualTo(200);
        assertThat(captured.id()).isEqualTo(id);
        assertThat(captured.text("status")).isEqualTo("succeeded");
        assertThat(captured.number("amount_received")).isEqualTo(1999);
        assertThat(captured.number("amount_refunded")).isZero();
        assertThat(captured.header("Idempotent-Replayed")).isEqualTo("false");
        Response read = psp.get("/v1/payment_intents/" + id);
        assertThat(read.text("status")).isEqualTo("succeeded");
        assertThat(read.number("amount_received")).isEqualTo(1999);
    }

    @Test
    void capturesPartOfTheAmountWhenAmountToCaptureIsGiven() {
        String id = psp.held("tok_visa", 1999);

        Response captured = psp.capture(id, key(), "{\"amount_to_capture\": 1500}");

        assertThat(captured.status()).isEqualTo(200);
        assertThat(captured.number("amount")).isEqualTo(1999);
        assertThat(captured.number("amount_received")).isEqualTo(1500);
    }

    @Test
    void replaysTheCaptureForTheSameKeyAndBody() {
        String id = psp.held("tok_visa", 1999);
        String key = key();
        psp.capture(id, key, "{}");

        Response again = psp.capture(id, key, "{}");

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text("status")).isEqualTo("succeeded");
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    void rejectsTheCaptureKeyWithAnotherAmount() {
        String id = psp.held("tok_visa", 1999);
        String key = key();
        psp.capture(id, key, "{\"amount_to_capture\": 1000}");

        Response other = psp.capture(id, key, "{\"amount_to_capture\": 1999}");

        assertThat(other.status()).isEqualTo(400);
        assertThat(other.error("type")).isEqualTo("idempotency_error");
    }

    @Test
    void rejectsACreateKeyReusedForACapture() {
        String key = key();
        String id = psp.create(key, PspClient.body("tok_visa", 1999)).id();

        Response capture = psp.capture(id, key, null);

        assertThat(capture.status()).isEqualTo(400);
        assertThat(capture.error("type")).isEqualTo("idempotency_error");
        assertThat(psp.get("/v1/payment_intents/" + id).text("status")).isEqualTo("requires_capture");
    }

    @Test
    void refusesASecondCaptureWithAnotherKey() {
        String id = psp.captured("tok_visa", 1999);

        Response second = psp.capture(id, key(), null);

        assertThat(second.status()).isEqualTo(400);
        assertThat(second.error("type")).isEqualTo("invalid_request_error");
        assertThat(second.error("code")).isEqualTo("payment_intent_unexpected_state");
    }

    @Test
    void refusesToCaptureACanceledIntent() {
        String id = psp.held("tok_visa", 1999);
        psp.cancel(id);

        Response capture = psp.capture(id, key(), null);

        assertThat(capture.status()).isEqualTo(400);
        assertThat(capture.error("code")).isEqualTo("payment_intent_unexpected_state");
        assertThat(psp.get("/v1/payment_intents/" + id).number("amount_received")).isZero();
    }

    @Test
    void refusesToCaptureAnIntentCapturedAtCreation() {
        String id = psp.create(key(), """
                {"amount": 500, "currency": "usd", "payment_method": "tok_visa"}""").id();

        Response capture = psp.capture(id, key(), null);

        assertThat(capture.status()).isEqualTo(400);
        assertThat(capture.error("code")).isEqualTo("payment_intent_unexpected_state");
    }

    @Test
    void refusesToCaptureMoreThanWasAuthorised() {
        String id = psp.held("tok_visa", 1999);

        Response capture = psp.capture(id, key(), "{\"amount_to_capture\": 2000}");

        assertThat(capture.status()).isEqualTo(400);
        assertThat(capture.error("code")).isEqualTo("amount_too_large");
        assertThat(capture.error("param")).isEqualTo("amount_to_capture");
        assertThat(psp.get("/v1/payment_intents/" + id).text("status")).isEqualTo("requires_capture");
    }

    @Test
    void answersACaptureOfAnUnknownIntentWith404() {
        Response capture = psp.capture("pi_unknown", key(), null);

        assertThat(capture.status()).isEqualTo(404);
        assertThat(capture.error("code")).isEqualTo("resource_missing");
    }

    @Test
    void requiresAnIdempotencyKeyToCapture() {
        String id = psp.held("tok_visa", 1999);

        Response capture = psp.capture(id, null, null);

        assertThat(capture.status()).isEqualTo(400);
        assertThat(capture.error("param")).isEqualTo("Idempotency-Key");
        assertThat(psp.get("/v1/payment_intents/" + id).text("status")).isEqualTo("requires_capture");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "not json                        | parameter_invalid         |",
            "{\"amount_to_capture\":0}       | amount_too_small          | amount_to_capture",
            "{\"amount_to_capture\":12.5}    | parameter_invalid_integer | amount_to_capture",
            "{\"amount_to_capture\":\"5\"}   | parameter_invalid_integer | amount_to_capture",
            "{\"amount\":5}                  | parameter_unknown         | amount",
    })
    void rejectsAMalformedCaptureWithoutStoringIt(String body, String code, String param) {
        String id = psp.held("tok_visa", 1999);
        String key = key();

        Response response = psp.capture(id, key, body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.error("code")).isEqualTo(code);
        assertThat(response.error("param")).isEqualTo(param);
        Response valid = psp.capture(id, key, null);
        assertThat(valid.status()).isEqualTo(200);
        assertThat(valid.header("Idempotent-Replayed")).isEqualTo("false");
    }

    @Test
    void letsExactlyOneOfManyConcurrentCapturesWin() throws Exception {
        String id = psp.held("tok_visa", 1999);

        List<Response> responses = Concurrently.run(16, caller -> psp.capture(id, key(), null));

        assertThat(responses).filteredOn(response -> response.status() == 200).hasSize(1);
        assertThat(responses).filteredOn(response -> response.status() != 200)
                .hasSize(15)
                .allSatisfy(response -> {
                    assertThat(response.status()).isEqualTo(400);
                    assertThat(response.error("code")).isEqualTo("payment_intent_unexpected_state");
                });
        assertThat(psp.get("/v1/payment_intents/" + id).number("amount_received")).isEqualTo(1999);
    }

    @Test
    void answersConcurrentCapturesWithOneKeyWithTheSameCapture() throws Exception {
        String id = psp.held("tok_visa", 1999);
        String key = key();

        List<Response> responses = Concurrently.run(8, caller -> psp.capture(id, key, null));

        assertThat(responses).allSatisfy(response -> {
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.text("status")).isEqualTo("succeeded");
        });
        assertThat(responses).filteredOn(response -> "false".equals(response.header("Idempotent-Replayed"))).hasSize(1);
    }

    @Test
    void letsEitherACaptureOrACancelWinARace() throws Exception {
        String id = psp.held("tok_visa", 1999);

        List<Response> responses = Concurrently.run(8,
                caller -> caller % 2 == 0 ? psp.capture(id, key(), null) : psp.cancel(id, key()));

        String status = psp.get("/v1/payment_intents/" + id).text("status");
        assertThat(status).isIn("succeeded", "canceled");
        List<Response> winners = responses.stream().filter(response -> response.status() == 200).toList();
        assertThat(winners).isNotEmpty().allSatisfy(winner -> assertThat(winner.text("status")).isEqualTo(status));
        if (status.equals("succeeded")) {
            assertThat(winners).hasSize(1);
        }
    }

    @Test
    void storesAndReplaysACancelMadeWithAKey() {
        String id = psp.held("tok_visa", 1999);
        String key = key();
        psp.cancel(id, key);

        Response again = psp.cancel(id, key);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text("status")).isEqualTo("canceled");
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
    }
}
