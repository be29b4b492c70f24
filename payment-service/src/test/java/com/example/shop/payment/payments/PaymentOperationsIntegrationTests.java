package com.example.shop.payment.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.example.shop.contracts.payment.PaymentEvents;
import com.example.shop.payment.PaymentApi;
import com.example.shop.payment.PaymentApi.Response;
import com.example.shop.payment.PspSimulator;
import com.example.shop.platform.testsupport.TestKafka;
import com.example.shop.platform.testsupport.TestPostgres;
import com.example.shop.platform.testsupport.TestTokens;
import com.example.shop.platform.testsupport.TopicRecorder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Capture, void and refunds against real PostgreSQL, Kafka and the real psp-simulator: every provider operation
 * is stored before it is sent, applied once at the provider, and published once on {@code payment-events}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "shop.psp.read-timeout=500ms",
        "resilience4j.circuitbreaker.instances.psp.minimum-number-of-calls=1000",
        "resilience4j.circuitbreaker.instances.psp.sliding-window-size=1000",
        "shop.payment.reconciliation.interval=200ms",
        // longer than a timed-out request (3 tries of 500 ms plus back-off), so its 503 comes first
        "shop.payment.reconciliation.stale-after=4s"})
class PaymentOperationsIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static PspSimulator simulator;
    private static TopicRecorder events;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestPostgres.register(registry, "payment");
        TestKafka.register(registry);
        TestTokens.register(registry);
        simulator = PspSimulator.start("psp.timeout-token-delay=3s");
        registry.add("shop.psp.url", simulator::url);
        events = new TopicRecorder(PaymentEvents.TOPIC);
    }

    @AfterAll
    static void stop() {
        if (events != null) {
            events.close();
        }
        simulator.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    PaymentApi api;

    @BeforeEach
    void client() {
        api = new PaymentApi(port);
    }

    private UUID authorized(String amount, String token) {
        UUID orderId = UUID.randomUUID();
        assertThat(api.authorize(orderId, amount, "EUR", token).text("status")).isEqualTo("AUTHORIZED");
        return orderId;
    }

    private UUID captured(String amount, String token) {
        UUID orderId = authorized(amount, token);
        assertThat(api.capture(orderId).status()).isEqualTo(200);
        return orderId;
    }

    private String intentId(UUID orderId) {
        return jdbc.sql("select provider_payment_id from payment where order_id = ?").param(orderId)
                .query(String.class).single();
    }

    private List<JsonNode> operations(UUID orderId, String kind) {
        List<JsonNode> found = new ArrayList<>();
        api.summary(orderId).json().get("operations").forEach(op -> {
            if (kind.equals(op.get("kind").asString())) {
                found.add(op);
            }
        });
        return found;
    }

    private static List<String> eventTypes(UUID orderId) {
        return events.valuesWithKey(orderId.toString()).stream()
                .map(value -> JSON.readTree(value).get("type").asString())
                .toList();
    }

    private static List<JsonNode> eventsOfType(UUID orderId, String type) {
        return events.valuesWithKey(orderId.toString()).stream()
                .map(JSON::readTree)
                .filter(event -> type.equals(event.get("type").asString()))
                .toList();
    }

    @Test
    void capturesTheAuthorisedAmountAndPublishesAuthorisedThenCaptured() {
        UUID orderId = authorized("19.99", "tok_visa");

        Response capture = api.capture(orderId);

        assertThat(capture.status()).isEqualTo(200);
        assertThat(capture.text("status")).isEqualTo("CAPTURED");
        assertThat(capture.text("orderId")).isEqualTo(orderId.toString());
        assertThat(capture.json().get("captured").get("amount").asString()).isEqualTo("19.99");
        assertThat(capture.json().get("captured").get("currency").asString()).isEqualTo("EUR");
        assertThat(simulator.intent(intentId(orderId)).amountReceived()).isEqualTo(1999);
        Response summary = api.summary(orderId);
        assertThat(summary.text("status")).isEqualTo("CAPTURED");
        assertThat(summary.json().get("authorized").get("amount").asString()).isEqualTo("19.99");
        assertThat(summary.json().get("captured").get("amount").asString()).isEqualTo("19.99");
        assertThat(summary.json().get("refunded").get("amount").asString()).isEqualTo("0.00");
        assertThat(summary.json().get("operations")).extracting(op -> op.get("kind").asString() + "/" + op.get("status").asString())
                .containsExactly("AUTHORIZE/SUCCEEDED", "CAPTURE/SUCCEEDED");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(eventTypes(orderId))
                .containsExactly(PaymentEvents.PAYMENT_AUTHORIZED, PaymentEvents.PAYMENT_CAPTURED));
        JsonNode captured = eventsOfType(orderId, PaymentEvents.PAYMENT_CAPTURED).getFirst();
        assertThat(captured.get("data").get("amount").get("amount").asString()).isEqualTo("19.99");
        assertThat(captured.get("data").get("paymentId").asString()).isEqualTo(summary.text("paymentId"));
    }

    @Test
    void answersARepeatedCaptureWithTheSameAnswerWithoutCallingTheProvider() {
        UUID orderId = authorized("12.00", "tok_visa");
        Response first = api.capture(orderId);

        Response again = api.capture(orderId);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(first.json());
        JsonNode capture = operations(orderId, "CAPTURE").getFirst();
        assertThat(capture.get("attempts").asInt()).isEqualTo(1);
        assertThat(simulator.requestsWithKey(capture.get("id").asString())).isEqualTo(1);
    }

    @Test
    void capturesOnceWhenManyCapturesArriveTogether() throws Exception {
        UUID orderId = authorized("45.50", "tok_visa");
        int callers = 8;
        var start = new CountDownLatch(1);
        List<Future<Response>> answers = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(callers)) {
            for (int i = 0; i < callers; i++) {
                answers.add(pool.submit((Callable<Response>) () -> {
                    start.await();
                    return api.capture(orderId);
                }));
            }
            start.countDown();
            for (Future<Response> answer : answers) {
                assertThat(answer.get().status()).isEqualTo(200);
            }
        }

        assertThat(operations(orderId, "CAPTURE")).hasSize(1);
        assertThat(jdbc.sql("select count(*) from payment_operation o join payment p on p.id = o.payment_id "
                + "where p.order_id = ? and o.kind = 'CAPTURE'").param(orderId).query(Long.class).single()).isEqualTo(1);
        assertThat(simulator.intent(intentId(orderId)).amountReceived()).isEqualTo(4550);
        await().atMost(Duration.ofSeconds(15)).until(() -> eventsOfType(orderId, PaymentEvents.PAYMENT_CAPTURED).size() == 1);
        await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(5))
                .until(() -> eventsOfType(orderId, PaymentEvents.PAYMENT_CAPTURED).size() == 1);
    }

    @Test
    void refusesToCaptureWhatIsNotAuthorisedWith409() {
        UUID noPayment = UUID.randomUUID();
        UUID declined = UUID.randomUUID();
        api.authorize(declined, "5.00", "EUR", "tok_chargeDeclined");
        UUID voided = authorized("5.00", "tok_visa");
        api.cancel(voided);

        for (UUID orderId : List.of(noPayment, declined, voided)) {
            Response response = api.capture(orderId);
            assertThat(response.status()).isEqualTo(409);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        assertThat(operations(voided, "CAPTURE")).isEmpty();
    }

    @Test
    void voidsAnAuthorisedPaymentAtTheProviderAndPublishesVoided() {
        UUID orderId = authorized("30.00", "tok_visa");

        Response response = api.cancel(orderId);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.text("status")).isEqualTo("CANCELLED");
        assertThat(simulator.intent(intentId(orderId)).status().wire()).isEqualTo("canceled");
        assertThat(api.summary(orderId).text("status")).isEqualTo("CANCELLED");
        assertThat(operations(orderId, "VOID")).singleElement()
                .satisfies(op -> assertThat(op.get("status").asString()).isEqualTo("SUCCEEDED"));
        assertThat(api.cancel(orderId).json()).isEqualTo(response.json());
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(eventTypes(orderId))
                .containsExactly(PaymentEvents.PAYMENT_AUTHORIZED, PaymentEvents.PAYMENT_VOIDED));
    }

    @Test
    void refusesToVoidACapturedPaymentWith409() {
        UUID orderId = captured("8.00", "tok_visa");

        Response response = api.cancel(orderId);

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(api.summary(orderId).text("status")).isEqualTo("CAPTURED");
        assertThat(operations(orderId, "VOID")).isEmpty();
    }

    @Test
    void addsUpPartialRefundsUntilEverythingCapturedIsPaidBack() {
        UUID orderId = captured("30.00", "tok_visa");

        Response first = api.refund(orderId, UUID.randomUUID(), "10.00", "EUR");
        Response second = api.refund(orderId, UUID.randomUUID(), "20", "EUR");

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.text("status")).isEqualTo("REFUNDED");
        assertThat(first.json().get("amount").get("amount").asString()).isEqualTo("10.00");
        assertThat(first.json().get("totalRefunded").get("amount").asString()).isEqualTo("10.00");
        assertThat(second.json().get("totalRefunded").get("amount").asString()).isEqualTo("30.00");
        Response summary = api.summary(orderId);
        assertThat(summary.text("status")).isEqualTo("REFUNDED");
        assertThat(summary.json().get("refunded").get("amount").asString()).isEqualTo("30.00");
        assertThat(simulator.intent(intentId(orderId)).amountRefunded()).isEqualTo(3000);
        assertThat(simulator.refundsOf(intentId(orderId))).hasSize(2);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(eventsOfType(orderId,
                PaymentEvents.PAYMENT_REFUNDED)).extracting(e -> e.get("data").get("totalRefunded").get("amount").asString())
                .containsExactly("10.00", "30.00"));
    }

    @Test
    void marksAPaymentPartiallyRefundedUntilAllIsPaidBack() {
        UUID orderId = captured("30.00", "tok_visa");

        api.refund(orderId, UUID.randomUUID(), "0.01", "EUR");

        assertThat(api.summary(orderId).text("status")).isEqualTo("PARTIALLY_REFUNDED");
    }

    @Test
    void refusesARefundBeyondWhatWasCapturedWith422AndSendsNothing() {
        UUID orderId = captured("10.00", "tok_visa");

        Response tooMuch = api.refund(orderId, UUID.randomUUID(), "10.01", "EUR");
        api.refund(orderId, UUID.randomUUID(), "6.00", "EUR");
        Response beyondTheRest = api.refund(orderId, UUID.randomUUID(), "4.01", "EUR");

        assertThat(tooMuch.status()).isEqualTo(422);
        assertThat(tooMuch.contentType()).startsWith("application/problem+json");
        assertThat(beyondTheRest.status()).isEqualTo(422);
        assertThat(simulator.refundsOf(intentId(orderId))).hasSize(1);
        assertThat(operations(orderId, "REFUND")).hasSize(1);
    }

    @Test
    void answersARepeatedRefundWithTheFirstAnswerAndRefundsOnce() {
        UUID orderId = captured("10.00", "tok_visa");
        UUID refundId = UUID.randomUUID();
        Response first = api.refund(orderId, refundId, "4.00", "EUR");

        Response again = api.refund(orderId, refundId, "4.00", "EUR");
        Response otherAmount = api.refund(orderId, refundId, "5.00", "EUR");

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(otherAmount.status()).isEqualTo(422);
        assertThat(simulator.refundsOf(intentId(orderId))).hasSize(1);
        assertThat(operations(orderId, "REFUND")).singleElement()
                .satisfies(op -> assertThat(op.get("refundId").asString()).isEqualTo(refundId.toString()));
    }

    @Test
    void refusesToRefundAPaymentThatIsNotCapturedWith409() {
        UUID authorizedOnly = authorized("10.00", "tok_visa");

        Response response = api.refund(authorizedOnly, UUID.randomUUID(), "1.00", "EUR");
        Response none = api.refund(UUID.randomUUID(), UUID.randomUUID(), "1.00", "EUR");

        assertThat(response.status()).isEqualTo(409);
        assertThat(none.status()).isEqualTo(409);
        assertThat(operations(authorizedOnly, "REFUND")).isEmpty();
    }

    @Test
    void getsThroughAFlakyProviderWithOneOperationAndOneEffectPerStep() {
        UUID orderId = UUID.randomUUID();

        Response authorization = api.authorize(orderId, "15.00", "EUR", "tok_flaky");
        Response capture = api.capture(orderId);
        Response refund = api.refund(orderId, UUID.randomUUID(), "15.00", "EUR");

        assertThat(authorization.text("status")).isEqualTo("AUTHORIZED");
        assertThat(capture.status()).isEqualTo(200);
        assertThat(refund.status()).isEqualTo(200);
        assertThat(simulator.intentsOf(orderId)).hasSize(1);
        assertThat(simulator.requestsWithKey(authorization.text("paymentId"))).isEqualTo(2);
        assertThat(simulator.intent(intentId(orderId)).amountReceived()).isEqualTo(1500);
        assertThat(simulator.refundsOf(intentId(orderId))).hasSize(1);
        JsonNode summary = api.summary(orderId).json();
        assertThat(summary.get("operations")).hasSize(3).allSatisfy(op -> {
            assertThat(op.get("status").asString()).isEqualTo("SUCCEEDED");
            assertThat(op.get("attempts").asInt()).isEqualTo(1);
            assertThat(simulator.requestsWithKey(op.get("kind").asString().equals("AUTHORIZE")
                    ? summary.get("paymentId").asString() : op.get("id").asString())).isEqualTo(2);
        });
    }

    @Test
    void answers503ToACaptureWhoseAnswerNeverComesThenTheReconciliationJobSettlesItOnce() {
        UUID orderId = authorized("25.00", "tok_captureTimeout");

        Response first = api.capture(orderId);
        Response again = api.capture(orderId);

        assertThat(first.status()).isEqualTo(503);
        assertThat(first.contentType()).startsWith("application/problem+json");
        assertThat(again.status()).isEqualTo(503);
        assertThat(operations(orderId, "CAPTURE")).singleElement().satisfies(op -> {
            assertThat(op.get("status").asString()).isEqualTo("UNKNOWN");
            assertThat(op.get("attempts").asInt()).isEqualTo(2);
        });
        assertThat(simulator.intent(intentId(orderId)).amountReceived()).isEqualTo(2500);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(api.summary(orderId).text("status"))
                .isEqualTo("CAPTURED"));
        assertThat(api.capture(orderId).status()).isEqualTo(200);
        assertThat(operations(orderId, "CAPTURE")).singleElement()
                .satisfies(op -> assertThat(op.get("status").asString()).isEqualTo("SUCCEEDED"));
        await().atMost(Duration.ofSeconds(15)).until(() -> eventsOfType(orderId, PaymentEvents.PAYMENT_CAPTURED).size() == 1);
        await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(5))
                .until(() -> eventsOfType(orderId, PaymentEvents.PAYMENT_CAPTURED).size() == 1);
    }

    @Test
    void answers503ToARefundWhoseAnswerNeverComesThenTheReconciliationJobSettlesItOnce() {
        UUID orderId = captured("40.00", "tok_refundTimeout");
        UUID refundId = UUID.randomUUID();

        Response first = api.refund(orderId, refundId, "15.00", "EUR");
        Response again = api.refund(orderId, refundId, "15.00", "EUR");

        assertThat(first.status()).isEqualTo(503);
        assertThat(again.status()).isEqualTo(503);
        assertThat(simulator.refundsOf(intentId(orderId))).hasSize(1);
        // while the first is unknown its amount stays reserved: this one would exceed what was captured
        assertThat(api.refund(orderId, UUID.randomUUID(), "25.01", "EUR").status()).isEqualTo(422);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(api.summary(orderId).text("status"))
                .isEqualTo("PARTIALLY_REFUNDED"));
        Response settled = api.refund(orderId, refundId, "15.00", "EUR");
        assertThat(settled.status()).isEqualTo(200);
        assertThat(settled.json().get("totalRefunded").get("amount").asString()).isEqualTo("15.00");
        assertThat(simulator.refundsOf(intentId(orderId))).hasSize(1);
        await().atMost(Duration.ofSeconds(15)).until(() -> eventsOfType(orderId, PaymentEvents.PAYMENT_REFUNDED).size() == 1);
        await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(5))
                .until(() -> eventsOfType(orderId, PaymentEvents.PAYMENT_REFUNDED).size() == 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"amount\":{\"amount\":\"1.00\",\"currency\":\"EUR\"}}",
            "{\"refundId\":\"not-a-uuid\",\"amount\":{\"amount\":\"1.00\",\"currency\":\"EUR\"}}",
            "{\"refundId\":\"%s\"}",
            "{\"refundId\":\"%s\",\"amount\":{\"amount\":\"0\",\"currency\":\"EUR\"}}",
            "{\"refundId\":\"%s\",\"amount\":{\"amount\":\"-1\",\"currency\":\"EUR\"}}",
            "{\"refundId\":\"%s\",\"amount\":{\"amount\":\"1.001\",\"currency\":\"EUR\"}}",
            "{\"refundId\":\"%s\",\"amount\":{\"amount\":\"1.00\",\"currency\":\"eur\"}}",
            "{\"refundId\":\"%s\",\"amount\":{\"amount\":\"1.00\",\"currency\":\"ABC\"}}",
            "{\"refundId\":\"%s\", not json",
    })
    void rejectsABadRefundRequestWith400AndSendsNothing(String template) {
        UUID orderId = captured("10.00", "tok_visa");

        Response response = api.refund(orderId, template.formatted(UUID.randomUUID()));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(operations(orderId, "REFUND")).isEmpty();
    }

    @Test
    void answers422ToARefundInAnotherCurrency() {
        UUID orderId = captured("10.00", "tok_visa");

        assertThat(api.refund(orderId, UUID.randomUUID(), "1.00", "USD").status()).isEqualTo(422);
    }

    @Test
    void answers404ForTheSummaryOfAnOrderWithoutPaymentAnd400ForABadId() {
        Response none = api.summary(UUID.randomUUID());
        Response bad = api.get("/internal/payments/not-a-uuid", null);
        Response badCapture = api.capture("not-a-uuid");

        assertThat(none.status()).isEqualTo(404);
        assertThat(none.contentType()).startsWith("application/problem+json");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(badCapture.status()).isEqualTo(400);
    }

    @Test
    void showsAdminsAPaymentAndListsPaymentsByStatus() {
        UUID orderId = captured("9.99", "tok_visa");
        String admin = TestTokens.admin();

        Response one = api.get("/api/admin/payments/" + orderId, admin);
        Response list = api.get("/api/admin/payments?status=CAPTURED&page=0&size=100", admin);

        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json()).isEqualTo(api.summary(orderId).json());
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().get("items")).allSatisfy(item -> assertThat(item.get("status").asString()).isEqualTo("CAPTURED"));
        assertThat(list.json().get("total").asLong()).isPositive();
        assertThat(list.json().get("size").asInt()).isEqualTo(100);
    }

    @Test
    void keepsThePaymentAdminApiForAdmins() {
        UUID orderId = captured("9.99", "tok_visa");

        assertThat(api.get("/api/admin/payments/" + orderId, null).status()).isEqualTo(401);
        assertThat(api.get("/api/admin/payments", TestTokens.customer(UUID.randomUUID(), "c@example.com")).status())
                .isEqualTo(403);
    }

    @ParameterizedTest
    @ValueSource(strings = {"?status=NOPE", "?size=0", "?size=101", "?page=-1", "?page=abc"})
    void rejectsABadAdminListRequestWith400(String query) {
        Response response = api.get("/api/admin/payments" + query, TestTokens.admin());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }
}
