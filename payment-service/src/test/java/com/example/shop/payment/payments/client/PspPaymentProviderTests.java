package com.example.shop.payment.payments.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import com.example.shop.payment.payments.AuthorizationOutcome;
import com.example.shop.payment.payments.Money;
import com.example.shop.payment.payments.OperationOutcome;
import com.example.shop.payment.payments.OrderId;
import com.example.shop.payment.payments.PaymentId;
import com.example.shop.payment.payments.PaymentProvider;
import com.example.shop.payment.payments.PaymentProvider.AuthorizationRequest;

/**
 * The adapter's retry and breaker rules against a scripted provider that answers one fixed status; the
 * integration tests run the same adapter against the real simulator.
 */
class PspPaymentProviderTests {

    private final List<String> keysSeen = new CopyOnWriteArrayList<>();
    private HttpServer provider;

    @AfterEach
    void stop() {
        if (provider != null) {
            provider.stop(0);
        }
    }

    private PspPaymentProvider adapterForProviderAnswering(int status, String body, CircuitBreaker breaker)
            throws IOException {
        provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        provider.createContext("/v1", exchange -> {
            keysSeen.add(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        provider.start();
        var properties = new PspProperties(URI.create("http://127.0.0.1:" + provider.getAddress().getPort()),
                Duration.ofSeconds(1), Duration.ofSeconds(2));
        var retry = Retry.of("psp", RetryConfig.custom()
                .maxAttempts(3)
                .waitDuration(Duration.ofMillis(10))
                .retryExceptions(ResourceAccessException.class, ProviderFailure.class)
                .build());
        return new PspPaymentProvider(PspClientConfiguration.restClient(properties, RestClient.builder()), retry, breaker);
    }

    private static CircuitBreaker breaker(int window) {
        return CircuitBreaker.of("psp", CircuitBreakerConfig.custom()
                .slidingWindowSize(window)
                .minimumNumberOfCalls(window)
                .failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofMinutes(10))
                .build());
    }

    private static AuthorizationRequest request() {
        return new AuthorizationRequest(PaymentId.random(), new OrderId(UUID.randomUUID()),
                Money.of(new BigDecimal("19.99"), "EUR"), "tok_visa");
    }

    @Test
    void retriesAServerErrorUnderTheSameKeyThenAnswersUnavailable() throws IOException {
        var adapter = adapterForProviderAnswering(500, "{\"error\":{\"type\":\"api_error\"}}", breaker(100));
        var request = request();

        AuthorizationOutcome outcome = adapter.authorize(request);

        assertThat(outcome).isInstanceOf(AuthorizationOutcome.Unavailable.class);
        assertThat(keysSeen).hasSize(3).containsOnly(request.idempotencyKey());
    }

    @Test
    void neverRetriesADecline() throws IOException {
        var adapter = adapterForProviderAnswering(402, """
                {"error":{"type":"card_error","code":"card_declined","decline_code":"insufficient_funds"}}""",
                breaker(100));

        AuthorizationOutcome outcome = adapter.authorize(request());

        assertThat(outcome).isEqualTo(new AuthorizationOutcome.Declined("insufficient_funds"));
        assertThat(keysSeen).hasSize(1);
    }

    @Test
    void neverRetriesARequestTheProviderRefuses() throws IOException {
        var adapter = adapterForProviderAnswering(400, """
                {"error":{"type":"invalid_request_error","code":"resource_missing","param":"payment_method"}}""",
                breaker(100));

        AuthorizationOutcome outcome = adapter.authorize(request());

        assertThat(outcome).isEqualTo(new AuthorizationOutcome.Declined("resource_missing"));
        assertThat(keysSeen).hasSize(1);
    }

    @Test
    void readsTheProvidersPaymentIdWhenAuthorized() throws IOException {
        var adapter = adapterForProviderAnswering(200, """
                {"id":"pi_abc","object":"payment_intent","status":"requires_capture","amount":1999}""", breaker(100));

        assertThat(adapter.authorize(request())).isEqualTo(new AuthorizationOutcome.Authorized("pi_abc"));
    }

    @Test
    void stopsCallingAFailingProviderOnceTheBreakerOpens() throws IOException {
        var adapter = adapterForProviderAnswering(503, "{}", breaker(3));
        adapter.authorize(request());
        int callsBeforeOpen = keysSeen.size();

        AuthorizationOutcome outcome = adapter.authorize(request());

        assertThat(callsBeforeOpen).isEqualTo(3);
        assertThat(outcome).isEqualTo(new AuthorizationOutcome.Unavailable("circuit breaker open"));
        assertThat(keysSeen).hasSize(3);
    }

    @Test
    void answersUnavailableWhenNothingListens() throws IOException {
        var adapter = adapterForProviderAnswering(200, "{}", breaker(100));
        provider.stop(0);

        assertThat(adapter.authorize(request())).isInstanceOf(AuthorizationOutcome.Unavailable.class);
    }

    @Test
    void reportsACancelledIntentAsCancelled() throws IOException {
        var adapter = adapterForProviderAnswering(200, """
                {"id":"pi_abc","object":"payment_intent","status":"canceled"}""", breaker(100));

        assertThat(adapter.cancel("pi_abc", "key-1")).isEqualTo(new PaymentProvider.CancellationOutcome.Cancelled());
    }

    @Test
    void treatsAnIntentTheProviderDoesNotKnowAsHoldingNothing() throws IOException {
        var adapter = adapterForProviderAnswering(404, """
                {"error":{"type":"invalid_request_error","code":"resource_missing"}}""", breaker(100));

        assertThat(adapter.cancel("pi_gone", "key-1")).isEqualTo(new PaymentProvider.CancellationOutcome.Cancelled());
        assertThat(keysSeen).hasSize(1);
    }

    @Test
    void neverCallsARefusedCancelCancelledNorRetriesIt() throws IOException {
        var adapter = adapterForProviderAnswering(400, """
                {"error":{"type":"invalid_request_error","code":"payment_intent_unexpected_state"}}""", breaker(100));

        assertThat(adapter.cancel("pi_captured", "key-1"))
                .isEqualTo(new PaymentProvider.CancellationOutcome.Refused("payment_intent_unexpected_state"));
        assertThat(keysSeen).hasSize(1);
    }

    @Test
    void retriesACancelThatFailsWithAServerErrorThenAnswersUnavailable() throws IOException {
        var adapter = adapterForProviderAnswering(500, "{\"error\":{\"type\":\"api_error\"}}", breaker(100));

        assertThat(adapter.cancel("pi_abc", "key-1")).isInstanceOf(PaymentProvider.CancellationOutcome.Unavailable.class);
        assertThat(keysSeen).hasSize(3);
    }

    @Test
    void readsASucceededCaptureAsDone() throws IOException {
        var adapter = adapterForProviderAnswering(200, """
                {"id":"pi_abc","object":"payment_intent","status":"succeeded","amount_received":1999}""", breaker(100));

        assertThat(adapter.capture("pi_abc", Money.of(new BigDecimal("19.99"), "EUR"), "cap-1"))
                .isEqualTo(new OperationOutcome.Succeeded("pi_abc"));
        assertThat(keysSeen).containsExactly("cap-1");
    }

    @Test
    void neverRetriesACaptureTheProviderRefuses() throws IOException {
        var adapter = adapterForProviderAnswering(400, """
                {"error":{"type":"invalid_request_error","code":"payment_intent_unexpected_state"}}""", breaker(100));

        assertThat(adapter.capture("pi_abc", Money.of(new BigDecimal("19.99"), "EUR"), "cap-1"))
                .isEqualTo(new OperationOutcome.Failed("payment_intent_unexpected_state"));
        assertThat(keysSeen).hasSize(1);
    }

    @Test
    void retriesAFailingRefundUnderItsKeyThenAnswersUnknown() throws IOException {
        var adapter = adapterForProviderAnswering(500, "{\"error\":{\"type\":\"api_error\"}}", breaker(100));

        var outcome = adapter.refund(new PaymentProvider.RefundRequest("pi_abc", Money.of(new BigDecimal("5.00"), "EUR"),
                "ref-1", "ref-1"));

        assertThat(outcome).isInstanceOf(OperationOutcome.Unknown.class);
        assertThat(keysSeen).hasSize(3).containsOnly("ref-1");
    }

    @Test
    void readsASucceededRefundAsDoneAndATooLargeOneAsRefused() throws IOException {
        var adapter = adapterForProviderAnswering(200, """
                {"id":"re_1","object":"refund","amount":500,"status":"succeeded","payment_intent":"pi_abc"}""",
                breaker(100));

        assertThat(adapter.refund(new PaymentProvider.RefundRequest("pi_abc", Money.of(new BigDecimal("5.00"), "EUR"),
                "ref-1", "ref-1"))).isEqualTo(new OperationOutcome.Succeeded("re_1"));
    }

    @Test
    void findsAnIntentByMerchantReferenceOrNothing() throws IOException {
        var adapter = adapterForProviderAnswering(200, """
                {"object":"list","data":[{"id":"pi_abc","status":"succeeded","amount_received":1999,"amount_refunded":0}]}""",
                breaker(100));

        assertThat(adapter.intentByMerchantReference("pay-1")).isEqualTo(new PaymentProvider.Lookup.Found<>(
                new PaymentProvider.ProviderIntent("pi_abc", PaymentProvider.IntentState.CAPTURED, 1999, 0)));
    }

    @Test
    void reportsAnEmptyRefundListAsNotFound() throws IOException {
        var adapter = adapterForProviderAnswering(200, "{\"object\":\"list\",\"data\":[]}", breaker(100));

        assertThat(adapter.refundByMerchantReference("ref-1")).isEqualTo(new PaymentProvider.Lookup.NotFound<>());
    }

    @Test
    void reportsAnUnreachableProviderAsUnavailableToALookup() throws IOException {
        var adapter = adapterForProviderAnswering(200, "{}", breaker(100));
        provider.stop(0);

        assertThat(adapter.intent("pi_abc")).isInstanceOf(PaymentProvider.Lookup.Unavailable.class);
    }
}
