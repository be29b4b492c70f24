package com.example.shop.psp.intents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.example.shop.psp.PspClient;
import com.example.shop.psp.PspClient.Response;
import com.example.shop.psp.idempotency.IdempotencyKeys;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "psp.timeout-token-delay=300ms")
class PaymentIntentsApiTests {

    @LocalServerPort
    int port;

    @Autowired
    PaymentIntents intents;

    @Autowired
    IdempotencyKeys keys;

    PspClient psp;

    @BeforeEach
    void client() {
        psp = new PspClient(port);
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    @Test
    void approvesTokVisaWithAnIntentThatAwaitsCapture() {
        Response response = psp.create(key(), PspClient.body("tok_visa", 1999));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("id").asString()).startsWith("pi_");
        assertThat(response.json().path("object").asString()).isEqualTo("payment_intent");
        assertThat(response.json().path("amount").asLong()).isEqualTo(1999);
        assertThat(response.json().path("currency").asString()).isEqualTo("eur");
        assertThat(response.json().path("status").asString()).isEqualTo("requires_capture");
        assertThat(response.json().path("payment_method").asString()).isEqualTo("tok_visa");
        assertThat(response.json().path("metadata").path("order_id").asString()).isEqualTo("order-1");
        assertThat(response.json().path("created").asLong()).isPositive();
        assertThat(response.json().path("amount_received").isNumber()).isTrue();
        assertThat(response.json().path("amount_received").asLong()).isZero();
        assertThat(response.json().path("amount_refunded").asLong()).isZero();
        assertThat(response.header("Idempotent-Replayed")).isEqualTo("false");
    }

    @Test
    void capturesAtOnceWhenCaptureIsAutomatic() {
        Response response = psp.create(key(), """
                {"amount": 500, "currency": "usd", "payment_method": "tok_visa"}""");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("status").asString()).isEqualTo("succeeded");
        assertThat(response.json().path("amount_received").asLong()).isEqualTo(500);
    }

    @Test
    void findsACreatedIntentById() {
        String id = psp.create(key(), PspClient.body("tok_visa", 1999)).json().path("id").asString();

        Response found = psp.get("/v1/payment_intents/" + id);

        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().path("id").asString()).isEqualTo(id);
        assertThat(found.json().path("status").asString()).isEqualTo("requires_capture");
    }

    @Test
    void cancelsAHeldIntentSoItIsCanceledWhenReadAgain() {
        String id = psp.create(key(), PspClient.body("tok_visa", 1999)).json().path("id").asString();

        Response cancelled = psp.cancel(id);

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().path("id").asString()).isEqualTo(id);
        assertThat(cancelled.json().path("status").asString()).isEqualTo("canceled");
        assertThat(psp.get("/v1/payment_intents/" + id).json().path("status").asString()).isEqualTo("canceled");
    }

    @Test
    void answersACancelOfACanceledIntentWithTheIntentAgain() {
        String id = psp.create(key(), PspClient.body("tok_visa", 1999)).json().path("id").asString();
        psp.cancel(id);

        Response again = psp.cancel(id);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("status").asString()).isEqualTo("canceled");
    }

    @Test
    void answersACancelOfAnUnknownIntentWith404() {
        Response response = psp.cancel("pi_unknown");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.error("code")).isEqualTo("resource_missing");
    }

    @Test
    void refusesToCancelACapturedIntent() {
        String id = psp.create(key(), """
                {"amount": 500, "currency": "usd", "payment_method": "tok_visa"}""").json().path("id").asString();

        Response response = psp.cancel(id);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.error("code")).isEqualTo("payment_intent_unexpected_state");
        assertThat(psp.get("/v1/payment_intents/" + id).json().path("status").asString()).isEqualTo("succeeded");
    }

    @Test
    void answersAnUnknownIntentWith404ResourceMissing() {
        Response found = psp.get("/v1/payment_intents/pi_unknown");

        assertThat(found.status()).isEqualTo(404);
        assertThat(found.error("type")).isEqualTo("invalid_request_error");
        assertThat(found.error("code")).isEqualTo("resource_missing");
    }

    @ParameterizedTest
    @CsvSource({"tok_chargeDeclined, generic_decline", "tok_insufficientFunds, insufficient_funds"})
    void declinesTheDeclineTokensWith402AndTheirDeclineCode(String token, String declineCode) {
        Response response = psp.create(key(), PspClient.body(token, 1999));

        assertThat(response.status()).isEqualTo(402);
        assertThat(response.error("type")).isEqualTo("card_error");
        assertThat(response.error("code")).isEqualTo("card_declined");
        assertThat(response.error("decline_code")).isEqualTo(declineCode);
        assertThat(response.error("message")).isNotBlank();
    }

    @Test
    void rejectsAnUnknownTokenAsAMissingResource() {
        Response response = psp.create(key(), PspClient.body("tok_nonsense", 1999));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.error("type")).isEqualTo("invalid_request_error");
        assertThat(response.error("code")).isEqualTo("resource_missing");
        assertThat(response.error("param")).isEqualTo("payment_method");
    }

    @Test
    void replaysTheStoredResponseForTheSameKeyAndBody() {
        String key = key();
        Response first = psp.create(key, PspClient.body("tok_visa", 1999));
        Response again = psp.create(key, PspClient.body("tok_visa", 1999));

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("id").asString()).isEqualTo(first.json().path("id").asString());
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(keys.requests(key)).isEqualTo(2);
    }

    @Test
    void replaysADeclineForTheSameKeyAndBody() {
        String key = key();
        psp.create(key, PspClient.body("tok_chargeDeclined", 1999));

        Response again = psp.create(key, PspClient.body("tok_chargeDeclined", 1999));

        assertThat(again.status()).isEqualTo(402);
        assertThat(again.error("decline_code")).isEqualTo("generic_decline");
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    void rejectsTheSameKeyWithADifferentBody() {
        String key = key();
        psp.create(key, PspClient.body("tok_visa", 1999));

        Response other = psp.create(key, PspClient.body("tok_visa", 2999));

        assertThat(other.status()).isEqualTo(400);
        assertThat(other.error("type")).isEqualTo("idempotency_error");
    }

    @Test
    void createsOneIntentForConcurrentRequestsWithTheSameKey() throws Exception {
        String key = key();
        String orderId = UUID.randomUUID().toString();
        String body = """
                {"amount": 1999, "currency": "eur", "payment_method": "tok_visa", "capture_method": "manual",
                 "metadata": {"order_id": "%s"}}""".formatted(orderId);
        int callers = 8;
        var start = new CountDownLatch(1);
        List<Future<Response>> responses = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(callers)) {
            for (int i = 0; i < callers; i++) {
                Callable<Response> call = () -> {
                    start.await();
                    return psp.create(key, body);
                };
                responses.add(pool.submit(call));
            }
            start.countDown();
            List<String> ids = new ArrayList<>();
            for (var response : responses) {
                Response r = response.get();
                assertThat(r.status()).isEqualTo(200);
                ids.add(r.json().path("id").asString());
            }
            assertThat(ids).hasSize(callers).containsOnly(ids.getFirst());
        }
        assertThat(intents.findByOrderId(orderId)).hasSize(1);
    }

    @Test
    void approvesTokTimeoutOnlyAfterItsDelay() {
        long started = System.nanoTime();

        Response response = psp.create(key(), PspClient.body("tok_timeout", 1999));

        assertThat(response.status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void requiresAnIdempotencyKey() {
        Response response = psp.create(null, PspClient.body("tok_visa", 1999));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.error("type")).isEqualTo("invalid_request_error");
        assertThat(response.error("param")).isEqualTo("Idempotency-Key");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "not json                                                       | parameter_invalid         |",
            "amount=1999&currency=eur                                       | parameter_invalid         |",
            "{\"currency\":\"eur\",\"payment_method\":\"tok_visa\"}         | parameter_missing         | amount",
            "{\"amount\":0,\"currency\":\"eur\",\"payment_method\":\"tok_visa\"}      | amount_too_small  | amount",
            "{\"amount\":-5,\"currency\":\"eur\",\"payment_method\":\"tok_visa\"}     | amount_too_small  | amount",
            "{\"amount\":19.99,\"currency\":\"eur\",\"payment_method\":\"tok_visa\"}  | parameter_invalid_integer | amount",
            "{\"amount\":\"1999\",\"currency\":\"eur\",\"payment_method\":\"tok_visa\"} | parameter_invalid_integer | amount",
            "{\"amount\":1999,\"currency\":\"xx\",\"payment_method\":\"tok_visa\"}    | parameter_invalid | currency",
            "{\"amount\":1999,\"currency\":\"eur\",\"payment_method\":\"\"}           | parameter_invalid_empty | payment_method",
            "{\"amount\":1999,\"currency\":\"eur\",\"payment_method\":\"tok_visa\",\"capture_method\":\"later\"} | parameter_invalid | capture_method",
            "{\"amount\":1999,\"currency\":\"eur\",\"payment_method\":\"tok_visa\",\"colour\":\"red\"} | parameter_unknown | colour",
    })
    void rejectsMalformedInputWith400InStripesErrorShape(String body, String code, String param) {
        Response response = psp.create(key(), body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.error("type")).isEqualTo("invalid_request_error");
        assertThat(response.error("code")).isEqualTo(code);
        assertThat(response.error("param")).isEqualTo(param);
        assertThat(response.error("message")).isNotBlank();
    }

    @Test
    void doesNotStoreAValidationErrorUnderTheKey() {
        String key = key();
        psp.create(key, "{\"amount\":0,\"currency\":\"eur\",\"payment_method\":\"tok_visa\"}");

        Response valid = psp.create(key, PspClient.body("tok_visa", 1999));

        assertThat(valid.status()).isEqualTo(200);
        assertThat(valid.header("Idempotent-Replayed")).isEqualTo("false");
    }

    @Test
    void servesHealthProbesWithoutCredentials() {
        assertThat(psp.get("/actuator/health/readiness").status()).isEqualTo(200);
    }

    @Test
    void listsTheIntentsWithAMerchantReferenceNewestFirst() {
        String reference = "order-" + UUID.randomUUID();
        String first = psp.create(key(), PspClient.body("tok_visa", 1999, reference)).id();
        Response declined = psp.create(key(), PspClient.body("tok_chargeDeclined", 1999, reference));
        String third = psp.create(key(), PspClient.body("tok_visa", 2999, reference)).id();
        psp.create(key(), PspClient.body("tok_visa", 1999, "another-" + reference));

        Response list = psp.get("/v1/payment_intents?merchant_reference=" + reference);

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.text("object")).isEqualTo("list");
        assertThat(list.json().path("has_more").asBoolean(true)).isFalse();
        assertThat(list.json().path("data").valueStream().map(intent -> intent.path("id").asString()).toList())
                .containsExactly(third, first);
        assertThat(declined.status()).isEqualTo(402); // a declined create leaves no intent behind
    }

    @Test
    void listsNoIntentsForAnUnknownMerchantReference() {
        Response list = psp.get("/v1/payment_intents?merchant_reference=nobody-" + UUID.randomUUID());

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().path("data").isArray()).isTrue();
        assertThat(list.json().path("data").size()).isZero();
    }

    @Test
    void showsTheCurrentStateOfAnIntentInTheMerchantReferenceList() {
        String reference = "order-" + UUID.randomUUID();
        String id = psp.create(key(), PspClient.body("tok_visa", 1999, reference)).id();
        psp.capture(id, key(), null);

        Response list = psp.get("/v1/payment_intents?merchant_reference=" + reference);

        assertThat(list.json().path("data").get(0).path("status").asString()).isEqualTo("succeeded");
        assertThat(list.json().path("data").get(0).path("amount_received").asLong()).isEqualTo(1999);
    }

    @Test
    void listsEveryIntentWithoutAFilter() {
        String id = psp.held("tok_visa", 1999);

        Response list = psp.get("/v1/payment_intents");

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().path("data").get(0).path("id").asString()).isEqualTo(id);
    }

    @ParameterizedTest
    @CsvSource({"merchant_ref=x, parameter_unknown, merchant_ref", "merchant_reference=, parameter_invalid_empty, merchant_reference",
            "merchant_reference=a&merchant_reference=b, parameter_invalid, merchant_reference"})
    void rejectsAQueryItCannotFilterBy(String query, String code, String param) {
        Response list = psp.get("/v1/payment_intents?" + query);

        assertThat(list.status()).isEqualTo(400);
        assertThat(list.error("code")).isEqualTo(code);
        assertThat(list.error("param")).isEqualTo(param);
    }
}
