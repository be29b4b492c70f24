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
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.example.shop.payment.PaymentApi;
import com.example.shop.payment.PaymentApi.Response;
import com.example.shop.payment.PspSimulator;
import com.example.shop.platform.testsupport.TestKafka;
import com.example.shop.platform.testsupport.TestPostgres;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "shop.psp.read-timeout=500ms",
        // these tests are about single payments; a breaker opened by the slow-provider test must not leak into them
        "resilience4j.circuitbreaker.instances.psp.minimum-number-of-calls=1000",
        "resilience4j.circuitbreaker.instances.psp.sliding-window-size=1000"})
class PaymentsIntegrationTests {

    /** tok_timeout answers after this; well beyond 3 tries of 500 ms plus back-off. */
    private static final Duration SLOW_PROVIDER = Duration.ofSeconds(4);

    private static PspSimulator simulator;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestPostgres.register(registry, "payment");
        TestKafka.register(registry);
        simulator = PspSimulator.start("psp.timeout-token-delay=" + SLOW_PROVIDER.toMillis() + "ms");
        registry.add("shop.psp.url", simulator::url);
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    PaymentRepository payments;

    @Autowired
    JdbcClient jdbc;

    PaymentApi api;

    @BeforeEach
    void client() {
        api = new PaymentApi(port);
    }

    private List<PaymentAttempt> attempts(String paymentId) {
        return payments.attempts(new PaymentId(UUID.fromString(paymentId)));
    }

    @Test
    void authorizesAPaymentWithAnApprovedToken() {
        UUID orderId = UUID.randomUUID();

        Response response = api.authorize(orderId, "19.99", "EUR", "tok_visa");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.text("status")).isEqualTo("AUTHORIZED");
        assertThat(response.text("orderId")).isEqualTo(orderId.toString());
        assertThat(response.text("declineCode")).isNull();
        var intent = simulator.intentsOf(orderId);
        assertThat(intent).singleElement().satisfies(it -> {
            assertThat(it.amount()).isEqualTo(1999);
            assertThat(it.currency()).isEqualTo("eur");
            assertThat(it.status().wire()).isEqualTo("requires_capture");
        });
        Payment stored = payments.findByOrderId(new OrderId(orderId)).orElseThrow();
        assertThat(stored.id().toString()).isEqualTo(response.text("paymentId"));
        assertThat(stored.status()).isEqualTo(PaymentStatus.AUTHORIZED);
        assertThat(stored.providerPaymentId()).isEqualTo(intent.getFirst().id());
        assertThat(stored.amount()).isEqualTo(Money.of(new java.math.BigDecimal("19.99"), "EUR"));
    }

    @ParameterizedTest
    @CsvSource({"tok_chargeDeclined, generic_decline", "tok_insufficientFunds, insufficient_funds"})
    void declinesAPaymentWithTheProvidersDeclineCode(String token, String declineCode) {
        UUID orderId = UUID.randomUUID();

        Response response = api.authorize(orderId, "5.00", "EUR", token);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.text("status")).isEqualTo("DECLINED");
        assertThat(response.text("declineCode")).isEqualTo(declineCode);
        assertThat(payments.findByOrderId(new OrderId(orderId)).orElseThrow().declineCode()).isEqualTo(declineCode);
    }

    @Test
    void declinesATokenTheProviderDoesNotKnowWithoutRetrying() {
        UUID orderId = UUID.randomUUID();

        Response response = api.authorize(orderId, "5.00", "EUR", "tok_madeUp");

        assertThat(response.text("status")).isEqualTo("DECLINED");
        assertThat(response.text("declineCode")).isEqualTo("resource_missing");
        assertThat(simulator.requestsWithKey(response.text("paymentId"))).isEqualTo(1);
    }

    @Test
    void returnsTheSamePaymentForARepeatedRequestWithoutCallingTheProviderAgain() {
        UUID orderId = UUID.randomUUID();
        Response first = api.authorize(orderId, "19.99", "EUR", "tok_visa");

        Response again = api.authorize(orderId, "19.99", "EUR", "tok_visa");

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(attempts(first.text("paymentId"))).hasSize(1);
        assertThat(simulator.requestsWithKey(first.text("paymentId"))).isEqualTo(1);
    }

    @Test
    void returnsTheSameDeclineForARepeatedRequestWithoutCallingTheProviderAgain() {
        UUID orderId = UUID.randomUUID();
        Response first = api.authorize(orderId, "19.99", "EUR", "tok_chargeDeclined");

        Response again = api.authorize(orderId, "19.99", "EUR", "tok_chargeDeclined");

        assertThat(again.json()).isEqualTo(first.json());
        assertThat(attempts(first.text("paymentId"))).hasSize(1);
        assertThat(simulator.requestsWithKey(first.text("paymentId"))).isEqualTo(1);
    }

    @Test
    void answersUnavailableForASlowProviderAndFindsTheLatePaymentUnderTheSameKeyOnRetry() {
        UUID orderId = UUID.randomUUID();
        long started = System.nanoTime();

        Response first = api.authorize(orderId, "42.00", "EUR", "tok_timeout");

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.text("status")).isEqualTo("UNAVAILABLE");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(SLOW_PROVIDER);
        String paymentId = first.text("paymentId");
        assertThat(payments.findByOrderId(new OrderId(orderId)).orElseThrow().status())
                .isEqualTo(PaymentStatus.UNAVAILABLE);

        // The provider finishes the first request after all our tries gave up: the money is held there.
        await().atMost(Duration.ofSeconds(15)).until(() -> simulator.intentsOf(orderId).size() == 1);

        Response retry = api.authorize(orderId, "42.00", "EUR", "tok_timeout");

        assertThat(retry.text("status")).isEqualTo("AUTHORIZED");
        assertThat(retry.text("paymentId")).isEqualTo(paymentId);
        assertThat(simulator.intentsOf(orderId)).hasSize(1);
        assertThat(payments.findByOrderId(new OrderId(orderId)).orElseThrow().providerPaymentId())
                .isEqualTo(simulator.intentsOf(orderId).getFirst().id());
        assertThat(simulator.requestsWithKey(paymentId)).isGreaterThanOrEqualTo(2);
        assertThat(attempts(paymentId)).extracting(PaymentAttempt::outcome)
                .containsExactly(PaymentStatus.UNAVAILABLE, PaymentStatus.AUTHORIZED);
    }

    @Test
    void cancelsAPaymentThatWentThroughLateSoNoMoneyStaysHeld() {
        UUID orderId = UUID.randomUUID();
        Response first = api.authorize(orderId, "42.00", "EUR", "tok_timeout");
        assertThat(first.text("status")).isEqualTo("UNAVAILABLE");
        String paymentId = first.text("paymentId");
        await().atMost(Duration.ofSeconds(15)).until(() -> simulator.intentsOf(orderId).size() == 1);

        Response cancelled = api.cancel(orderId);

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.text("orderId")).isEqualTo(orderId.toString());
        assertThat(cancelled.text("paymentId")).isEqualTo(paymentId);
        assertThat(cancelled.text("status")).isEqualTo("CANCELLED");
        assertThat(simulator.intentsOf(orderId)).singleElement()
                .satisfies(intent -> assertThat(intent.status().wire()).isEqualTo("canceled"));
        assertThat(payments.findByOrderId(new OrderId(orderId)).orElseThrow().status())
                .isEqualTo(PaymentStatus.CANCELLED);
        assertThat(attempts(paymentId)).extracting(PaymentAttempt::outcome)
                .containsExactly(PaymentStatus.UNAVAILABLE, PaymentStatus.AUTHORIZED, PaymentStatus.CANCELLED);
    }

    @Test
    void answersARepeatedCancelAgainWithoutCallingTheProviderAndNeverAuthorizesACancelledPayment() {
        UUID orderId = UUID.randomUUID();
        String paymentId = api.authorize(orderId, "12.00", "EUR", "tok_visa").text("paymentId");
        assertThat(api.cancel(orderId).text("status")).isEqualTo("CANCELLED");

        Response again = api.cancel(orderId);
        Response authorizeAgain = api.authorize(orderId, "12.00", "EUR", "tok_visa");

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text("status")).isEqualTo("CANCELLED");
        assertThat(authorizeAgain.text("status")).isEqualTo("DECLINED");
        assertThat(authorizeAgain.text("declineCode")).isEqualTo("cancelled");
        assertThat(simulator.requestsWithKey(paymentId)).isEqualTo(1);
        assertThat(simulator.intentsOf(orderId)).singleElement()
                .satisfies(intent -> assertThat(intent.status().wire()).isEqualTo("canceled"));
        assertThat(attempts(paymentId)).extracting(PaymentAttempt::outcome)
                .containsExactly(PaymentStatus.AUTHORIZED, PaymentStatus.CANCELLED);
    }

    @Test
    void answersDeclinedToACancelOfADeclinedPayment() {
        UUID orderId = UUID.randomUUID();
        String paymentId = api.authorize(orderId, "12.00", "EUR", "tok_chargeDeclined").text("paymentId");

        Response cancelled = api.cancel(orderId);

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.text("status")).isEqualTo("DECLINED");
        assertThat(attempts(paymentId)).extracting(PaymentAttempt::outcome).containsExactly(PaymentStatus.DECLINED);
    }

    @Test
    void answersNoneToACancelForAnOrderWithoutPayment() {
        UUID orderId = UUID.randomUUID();

        Response cancelled = api.cancel(orderId);

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.text("status")).isEqualTo("NONE");
        assertThat(cancelled.text("paymentId")).isNull();
        assertThat(payments.findByOrderId(new OrderId(orderId))).isEmpty();
    }

    @Test
    void rejectsACancelForAnOrderIdThatIsNotAUuidWith400Problem() {
        Response response = api.cancel("not-a-uuid");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void authorizesConcurrentRequestsForOneOrderAsOnePayment() throws Exception {
        UUID orderId = UUID.randomUUID();
        int callers = 6;
        var start = new CountDownLatch(1);
        List<Future<Response>> responses = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(callers)) {
            for (int i = 0; i < callers; i++) {
                Callable<Response> call = () -> {
                    start.await();
                    return api.authorize(orderId, "10.00", "EUR", "tok_visa");
                };
                responses.add(pool.submit(call));
            }
            start.countDown();
            List<String> paymentIds = new ArrayList<>();
            for (var response : responses) {
                Response r = response.get();
                assertThat(r.text("status")).isEqualTo("AUTHORIZED");
                paymentIds.add(r.text("paymentId"));
            }
            assertThat(paymentIds).containsOnly(paymentIds.getFirst());
        }
        assertThat(simulator.intentsOf(orderId)).hasSize(1);
    }

    @Test
    void refusesASecondPaymentForTheOrderWithAnotherAmount() {
        UUID orderId = UUID.randomUUID();
        Response first = api.authorize(orderId, "19.99", "EUR", "tok_visa");

        Response other = api.authorize(orderId, "29.99", "EUR", "tok_visa");

        assertThat(other.status()).isEqualTo(409);
        assertThat(other.contentType()).startsWith("application/problem+json");
        assertThat(api.authorize(orderId, "19.99", "EUR", "tok_visa").json()).isEqualTo(first.json());
    }

    @Test
    void treatsTheSameAmountWrittenWithFewerDecimalsAsTheSamePayment() {
        UUID orderId = UUID.randomUUID();
        Response first = api.authorize(orderId, "20", "EUR", "tok_visa");

        Response again = api.authorize(orderId, "20.00", "EUR", "tok_visa");

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text("paymentId")).isEqualTo(first.text("paymentId"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"orderId\":\"%s\",\"amount\":{\"amount\":\"0\",\"currency\":\"EUR\"},\"paymentToken\":\"tok_visa\"}",
            "{\"orderId\":\"%s\",\"amount\":{\"amount\":\"-5.00\",\"currency\":\"EUR\"},\"paymentToken\":\"tok_visa\"}",
            "{\"orderId\":\"%s\",\"amount\":{\"amount\":\"19.999\",\"currency\":\"EUR\"},\"paymentToken\":\"tok_visa\"}",
            "{\"orderId\":\"%s\",\"amount\":{\"amount\":\"abc\",\"currency\":\"EUR\"},\"paymentToken\":\"tok_visa\"}",
            "{\"orderId\":\"%s\",\"amount\":{\"currency\":\"EUR\"},\"paymentToken\":\"tok_visa\"}",
            "{\"orderId\":\"%s\",\"amount\":{\"amount\":\"19.99\",\"currency\":\"EU\"},\"paymentToken\":\"tok_visa\"}",
            "{\"orderId\":\"%s\",\"amount\":{\"amount\":\"19.99\",\"currency\":\"eur\"},\"paymentToken\":\"tok_visa\"}",
            "{\"orderId\":\"%s\",\"amount\":{\"amount\":\"19.99\",\"currency\":\"ABC\"},\"paymentToken\":\"tok_visa\"}",
            "{\"orderId\":\"%s\",\"amount\":{\"amount\":\"19.99\",\"currency\":\"JPY\"},\"paymentToken\":\"tok_visa\"}",
            "{\"orderId\":\"%s\",\"amount\":{\"amount\":\"19.99\",\"currency\":\"EUR\"},\"paymentToken\":\"  \"}",
            "{\"orderId\":\"%s\",\"amount\":{\"amount\":\"19.99\",\"currency\":\"EUR\"}}",
            "{\"orderId\":\"%s\",\"paymentToken\":\"tok_visa\"}",
            "{\"orderId\":\"not-a-uuid-%s\",\"amount\":{\"amount\":\"19.99\",\"currency\":\"EUR\"},\"paymentToken\":\"tok_visa\"}",
            "{\"amount\":{\"amount\":\"19.99\",\"currency\":\"EUR\"},\"paymentToken\":\"tok_visa\",\"x\":\"%s\"}",
            "{\"orderId\":\"%s\", this is not json",
    })
    void rejectsBadInputWith400ProblemAndStoresNothing(String template) {
        UUID orderId = UUID.randomUUID();

        Response response = api.post(template.formatted(orderId));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(jdbc.sql("select count(*) from payment where order_id = ?").param(orderId).query(Long.class).single())
                .isZero();
    }
}
