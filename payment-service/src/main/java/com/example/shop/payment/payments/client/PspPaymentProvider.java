package com.example.shop.payment.payments.client;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import com.example.shop.payment.payments.AuthorizationOutcome;
import com.example.shop.payment.payments.AuthorizationOutcome.Authorized;
import com.example.shop.payment.payments.AuthorizationOutcome.Declined;
import com.example.shop.payment.payments.AuthorizationOutcome.Unavailable;
import com.example.shop.payment.payments.PaymentProvider;
import com.example.shop.payment.payments.PaymentProvider.CancellationOutcome;

/**
 * The payment provider reached over HTTP with its Stripe-like API: one payment intent with manual capture per
 * payment, the payment id as {@code Idempotency-Key}. Each request has a connect and read timeout; IO errors,
 * timeouts and 5xx are retried with back-off under the same key; a circuit breaker stops calling a provider
 * that keeps failing. 402 is a decline with the provider's {@code decline_code}; other 4xx are never retried.
 */
public class PspPaymentProvider implements PaymentProvider {

    private static final Logger log = LoggerFactory.getLogger(PspPaymentProvider.class);
    private static final Set<String> AUTHORIZED_STATUSES = Set.of("requires_capture", "succeeded");

    private final RestClient rest;
    private final Retry retry;
    private final CircuitBreaker circuitBreaker;

    public PspPaymentProvider(RestClient rest, Retry retry, CircuitBreaker circuitBreaker) {
        this.rest = rest;
        this.retry = retry;
        this.circuitBreaker = circuitBreaker;
        retry.getEventPublisher().onRetry(event -> log.warn("Retrying the provider (try {} failed: {})",
                event.getNumberOfRetryAttempts(), describe(event.getLastThrowable())));
    }

    @Override
    public AuthorizationOutcome authorize(AuthorizationRequest request) {
        // The breaker sits inside the retry, so it counts every try and a retry stops as soon as it opens.
        Supplier<AuthorizationOutcome> guarded = Retry.decorateSupplier(retry,
                CircuitBreaker.decorateSupplier(circuitBreaker, () -> send(request)));
        try {
            return guarded.get();
        }
        catch (CallNotPermittedException ex) {
            return new Unavailable("circuit breaker open");
        }
        catch (ResourceAccessException | ProviderFailure ex) {
            String reason = describe(ex);
            log.warn("Provider unavailable for payment {}: {}", request.paymentId(), reason);
            return new Unavailable(reason);
        }
        catch (RestClientException ex) {
            log.error("Unreadable answer from the provider for payment {}", request.paymentId(), ex);
            return new Unavailable("unreadable provider answer");
        }
    }

    @Override
    public CancellationOutcome cancel(String providerPaymentId) {
        Supplier<CancellationOutcome> guarded = Retry.decorateSupplier(retry,
                CircuitBreaker.decorateSupplier(circuitBreaker, () -> sendCancel(providerPaymentId)));
        try {
            return guarded.get();
        }
        catch (CallNotPermittedException ex) {
            return new CancellationOutcome.Unavailable("circuit breaker open");
        }
        catch (ResourceAccessException | ProviderFailure ex) {
            String reason = describe(ex);
            log.warn("Provider unavailable to cancel intent {}: {}", providerPaymentId, reason);
            return new CancellationOutcome.Unavailable(reason);
        }
        catch (RestClientException ex) {
            log.error("Unreadable answer from the provider to cancelling intent {}", providerPaymentId, ex);
            return new CancellationOutcome.Unavailable("unreadable provider answer");
        }
    }

    private CancellationOutcome sendCancel(String providerPaymentId) {
        return rest.post()
                .uri("/v1/payment_intents/{id}/cancel", providerPaymentId)
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON)
                .body(Map.of("cancellation_reason", "abandoned"))
                .exchange((req, response) -> {
                    int status = response.getStatusCode().value();
                    if (status == 200) {
                        PspWire.PaymentIntent intent = response.bodyTo(PspWire.PaymentIntent.class);
                        if (intent != null && "canceled".equals(intent.status())) {
                            return new CancellationOutcome.Cancelled();
                        }
                        return new CancellationOutcome.Unavailable("intent is "
                                + (intent == null ? "unknown" : intent.status()));
                    }
                    if (status == 404) {
                        // No such intent at the provider: nothing is held under it.
                        return new CancellationOutcome.Cancelled();
                    }
                    if (status >= 500 || status == 429 || status == 409) {
                        throw new ProviderFailure(status);
                    }
                    // e.g. the intent was captured: money is taken, so this is not a cancellation; someone has
                    // to look at it.
                    PspWire.ErrorEnvelope error = response.bodyTo(PspWire.ErrorEnvelope.class);
                    log.error("Provider refused to cancel intent {} with {}: {}", providerPaymentId, status,
                            error == null ? null : error.error());
                    return new CancellationOutcome.Unavailable("provider refused the cancel: " + declineCode(error));
                });
    }

    private AuthorizationOutcome send(AuthorizationRequest request) {
        var body = new PspWire.CreatePaymentIntent(
                request.amount().minorUnits(),
                request.amount().currency().getCurrencyCode().toLowerCase(Locale.ROOT),
                request.paymentToken(),
                "manual",
                Map.of("order_id", request.orderId().toString(), "payment_id", request.paymentId().toString()));
        return rest.post()
                .uri("/v1/payment_intents")
                .header("Idempotency-Key", request.idempotencyKey())
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange((req, response) -> {
                    int status = response.getStatusCode().value();
                    if (status == 200) {
                        return authorized(response.bodyTo(PspWire.PaymentIntent.class));
                    }
                    if (status >= 500 || status == 429 || status == 409) {
                        throw new ProviderFailure(status);
                    }
                    PspWire.ErrorEnvelope error = response.bodyTo(PspWire.ErrorEnvelope.class);
                    if (status == 402) {
                        return new Declined(declineCode(error));
                    }
                    // The provider refused the request itself (unknown token, bad amount, key misuse): repeating
                    // it cannot succeed, so it is as final as a decline.
                    log.warn("Provider refused payment {} with {}: {}", request.paymentId(), status,
                            error == null ? null : error.error());
                    return new Declined(declineCode(error));
                });
    }

    /** The root cause, which says more than RestClient's wrapper ("connection refused", "request timed out"). */
    private static String describe(Throwable ex) {
        if (ex == null) {
            return "unknown";
        }
        Throwable cause = NestedExceptionUtils.getMostSpecificCause(ex);
        return cause.getMessage() == null ? cause.getClass().getSimpleName()
                : cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    private static AuthorizationOutcome authorized(PspWire.PaymentIntent intent) {
        if (intent == null || intent.id() == null) {
            throw new ProviderFailure(200);
        }
        if (AUTHORIZED_STATUSES.contains(intent.status())) {
            return new Authorized(intent.id());
        }
        return new Declined(intent.status() == null ? "unknown" : intent.status());
    }

    private static String declineCode(PspWire.ErrorEnvelope envelope) {
        if (envelope == null || envelope.error() == null) {
            return "unknown";
        }
        PspWire.Error error = envelope.error();
        if (error.declineCode() != null) {
            return error.declineCode();
        }
        if (error.code() != null) {
            return error.code();
        }
        return error.type() == null ? "unknown" : error.type();
    }
}
