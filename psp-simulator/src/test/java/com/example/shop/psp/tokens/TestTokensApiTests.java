package com.example.shop.psp.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.example.shop.psp.PspClient;
import com.example.shop.psp.PspClient.Response;
import com.example.shop.psp.idempotency.IdempotencyKeys;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "psp.timeout-token-delay=300ms")
class TestTokensApiTests {

    private static final Duration DELAY = Duration.ofMillis(300);

    @LocalServerPort
    int port;

    @Autowired
    IdempotencyKeys keys;

    PspClient psp;
    PspClient impatient;

    @BeforeEach
    void clients() {
        psp = new PspClient(port);
        impatient = psp.withTimeout(Duration.ofMillis(100));
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    private static void assertApiError(Response response) {
        assertThat(response.status()).isEqualTo(500);
        assertThat(response.error("type")).isEqualTo("api_error");
    }

    private Response intent(String id) {
        return psp.get("/v1/payment_intents/" + id);
    }

    @Test
    void failsTheFirstCreateOfTokFlakyWithoutCreatingAnythingAndLetsTheRetrySucceed() {
        String reference = "order-" + UUID.randomUUID();
        String key = key();

        Response first = psp.create(key, PspClient.body("tok_flaky", 1999, reference));
        Response afterFailure = psp.get("/v1/payment_intents?merchant_reference=" + reference);
        Response retry = psp.create(key, PspClient.body("tok_flaky", 1999, reference));
        Response replay = psp.create(key, PspClient.body("tok_flaky", 1999, reference));

        assertApiError(first);
        assertThat(afterFailure.json().path("data").size()).isZero();
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.text("status")).isEqualTo("requires_capture");
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("false");
        assertThat(replay.id()).isEqualTo(retry.id());
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(keys.requests(key)).isEqualTo(3);
        assertThat(psp.get("/v1/payment_intents?merchant_reference=" + reference).json().path("data").size())
                .isEqualTo(1);
    }

    @Test
    void failsTheFirstTryOfEveryCaptureKeyOfATokFlakyIntent() {
        String intentId = createFlaky();
        String firstKey = key();
        String secondKey = key();

        Response first = psp.capture(intentId, firstKey, null);
        Response otherKey = psp.capture(intentId, secondKey, null);
        String statusAfterFailures = intent(intentId).text("status");
        Response retry = psp.capture(intentId, firstKey, null);

        assertApiError(first);
        assertApiError(otherKey);
        assertThat(statusAfterFailures).isEqualTo("requires_capture");
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.text("status")).isEqualTo("succeeded");
        assertThat(intent(intentId).number("amount_received")).isEqualTo(1999);
    }

    @Test
    void failsTheFirstTryOfARefundOfATokFlakyIntent() {
        String intentId = createFlaky();
        String captureKey = key();
        psp.capture(intentId, captureKey, null);
        psp.capture(intentId, captureKey, null);
        String key = key();
        String body = "{\"payment_intent\":\"" + intentId + "\",\"amount\":500}";

        Response first = psp.refund(key, body);
        long refundedAfterFailure = intent(intentId).number("amount_refunded");
        Response retry = psp.refund(key, body);

        assertApiError(first);
        assertThat(refundedAfterFailure).isZero();
        assertThat(retry.status()).isEqualTo(200);
        assertThat(intent(intentId).number("amount_refunded")).isEqualTo(500);
    }

    @Test
    void failsTheFirstTryOfACancelOfATokFlakyIntentWithAndWithoutAKey() {
        String withKey = createFlaky();
        String withoutKey = createFlaky();
        String key = key();

        Response first = psp.cancel(withKey, key);
        String statusAfterFailure = intent(withKey).text("status");
        Response retry = psp.cancel(withKey, key);
        Response firstWithoutKey = psp.cancel(withoutKey);
        Response secondWithoutKey = psp.cancel(withoutKey);

        assertApiError(first);
        assertThat(statusAfterFailure).isEqualTo("requires_capture");
        assertThat(retry.text("status")).isEqualTo("canceled");
        assertApiError(firstWithoutKey);
        assertThat(secondWithoutKey.text("status")).isEqualTo("canceled");
    }

    private String createFlaky() {
        String key = key();
        psp.create(key, PspClient.body("tok_flaky", 1999));
        Response created = psp.create(key, PspClient.body("tok_flaky", 1999));
        assertThat(created.status()).isEqualTo(200);
        return created.id();
    }

    @Test
    void appliesATokCaptureTimeoutCaptureAtOnceButAnswersItTooLate() {
        String reference = "order-" + UUID.randomUUID();
        String id = psp.create(key(), PspClient.body("tok_captureTimeout", 1999, reference)).id();
        String key = key();

        assertThatThrownBy(() -> impatient.capture(id, key, null)).hasRootCauseInstanceOf(HttpTimeoutException.class);

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(intent(id).text("status")).isEqualTo("succeeded");
            assertThat(intent(id).number("amount_received")).isEqualTo(1999);
        });
        var listed = psp.get("/v1/payment_intents?merchant_reference=" + reference).json().path("data").get(0);
        assertThat(listed.path("status").asString()).isEqualTo("succeeded");
        assertThatThrownBy(() -> impatient.capture(id, key, null)).hasRootCauseInstanceOf(HttpTimeoutException.class);
        long started = System.nanoTime();
        Response patientReplay = psp.capture(id, key, null);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(DELAY);
        assertThat(patientReplay.status()).isEqualTo(200);
        assertThat(patientReplay.header("Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    void answersASecondCaptureOfATokCaptureTimeoutIntentWithTheStateError() {
        String id = psp.held("tok_captureTimeout", 1999);
        psp.capture(id, key(), null);

        Response second = psp.capture(id, key(), null);

        assertThat(second.status()).isEqualTo(400);
        assertThat(second.error("code")).isEqualTo("payment_intent_unexpected_state");
    }

    @Test
    void appliesATokRefundTimeoutRefundAtOnceButAnswersItTooLate() {
        String reference = "return-" + UUID.randomUUID();
        String id = psp.held("tok_refundTimeout", 1999);
        Response captured = psp.capture(id, key(), null);
        String key = key();
        String body = """
                {"payment_intent": "%s", "amount": 700, "metadata": {"merchant_reference": "%s"}}"""
                .formatted(id, reference);

        assertThatThrownBy(() -> impatient.refund(key, body)).hasRootCauseInstanceOf(HttpTimeoutException.class);

        assertThat(captured.status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(intent(id).number("amount_refunded")).isEqualTo(700));
        var listed = psp.get("/v1/refunds?merchant_reference=" + reference).json().path("data");
        assertThat(listed.size()).isEqualTo(1);
        assertThat(listed.get(0).path("amount").asLong()).isEqualTo(700);
        assertThatThrownBy(() -> impatient.refund(key, body)).hasRootCauseInstanceOf(HttpTimeoutException.class);
        Response patientReplay = psp.refund(key, body);
        assertThat(patientReplay.status()).isEqualTo(200);
        assertThat(patientReplay.id()).isEqualTo(listed.get(0).path("id").asString());
        assertThat(intent(id).number("amount_refunded")).isEqualTo(700);
    }
}
