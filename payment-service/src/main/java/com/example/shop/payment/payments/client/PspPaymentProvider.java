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
import com.example.shop.payment.payments.Money;
import com.example.shop.payment.payments.OperationOutcome;
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
    public CancellationOutcome cancel(String providerPaymentId, String idempotencyKey) {
        Supplier<CancellationOutcome> guarded = Retry.decorateSupplier(retry,
                CircuitBreaker.decorateSupplier(circuitBreaker, () -> sendCancel(providerPaymentId, idempotencyKey)));
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

    private CancellationOutcome sendCancel(String providerPaymentId, String idempotencyKey) {
        return rest.post()
                .uri("/v1/payment_intents/{id}/cancel", providerPaymentId)
                .header("Idempotency-Key", idempotencyKey)
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
                    return new CancellationOutcome.Refused(declineCode(error));
                });
    }

    private AuthorizationOutcome send(AuthorizationRequest request) {
        var body = new PspWire.CreatePaymentIntent(
                request.amount().minorUnits(),
                request.amount().currency().getCurrencyCode().toLowerCase(Locale.ROOT),
                request.paymentToken(),
                "manual",
                Map.of("order_id", request.orderId().toString(), "payment_id", request.paymentId().toString(),
                        "merchant_reference", request.idempotencyKey()));
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

    @Override
    public OperationOutcome capture(String providerPaymentId, Money amount, String idempotencyKey) {
        return operation("capture " + idempotencyKey, () -> rest.post()
                .uri("/v1/payment_intents/{id}/capture", providerPaymentId)
                .header("Idempotency-Key", idempotencyKey)
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON)
                .body(new PspWire.Capture(amount.minorUnits()))
                .exchange((req, response) -> {
                    int status = response.getStatusCode().value();
                    if (status == 200) {
                        PspWire.PaymentIntent intent = response.bodyTo(PspWire.PaymentIntent.class);
                        if (intent == null || intent.id() == null) {
                            throw new ProviderFailure(status);
                        }
                        return "succeeded".equals(intent.status())
                                ? new OperationOutcome.Succeeded(intent.id())
                                : new OperationOutcome.Failed("intent is " + intent.status());
                    }
                    return failure(status, response.bodyTo(PspWire.ErrorEnvelope.class));
                }));
    }

    @Override
    public OperationOutcome refund(RefundRequest request) {
        var body = new PspWire.CreateRefund(request.providerPaymentId(), request.amount().minorUnits(),
                Map.of("merchant_reference", request.merchantReference()));
        return operation("refund " + request.idempotencyKey(), () -> rest.post()
                .uri("/v1/refunds")
                .header("Idempotency-Key", request.idempotencyKey())
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange((req, response) -> {
                    int status = response.getStatusCode().value();
                    if (status == 200) {
                        PspWire.Refund refund = response.bodyTo(PspWire.Refund.class);
                        if (refund == null || refund.id() == null) {
                            throw new ProviderFailure(status);
                        }
                        return switch (String.valueOf(refund.status())) {
                            case "succeeded" -> new OperationOutcome.Succeeded(refund.id());
                            case "failed", "canceled" -> new OperationOutcome.Failed("refund " + refund.status());
                            default -> new OperationOutcome.Unknown("refund is " + refund.status());
                        };
                    }
                    return failure(status, response.bodyTo(PspWire.ErrorEnvelope.class));
                }));
    }

    @Override
    public Lookup<ProviderIntent> intent(String providerPaymentId) {
        return lookup("intent " + providerPaymentId, () -> rest.get()
                .uri("/v1/payment_intents/{id}", providerPaymentId)
                .accept(MediaType.APPLICATION_JSON)
                .exchange((req, response) -> {
                    int status = response.getStatusCode().value();
                    if (status == 200) {
                        return found(response.bodyTo(PspWire.PaymentIntent.class));
                    }
                    return notFoundOrFailure(status);
                }));
    }

    @Override
    public Lookup<ProviderIntent> intentByMerchantReference(String merchantReference) {
        return lookup("intent of " + merchantReference, () -> rest.get()
                .uri(uri -> uri.path("/v1/payment_intents").queryParam("merchant_reference", merchantReference).build())
                .accept(MediaType.APPLICATION_JSON)
                .exchange((req, response) -> {
                    int status = response.getStatusCode().value();
                    if (status == 200) {
                        PspWire.IntentList list = response.bodyTo(PspWire.IntentList.class);
                        if (list == null || list.data() == null || list.data().isEmpty()) {
                            return new Lookup.NotFound<ProviderIntent>();
                        }
                        return found(list.data().getFirst());
                    }
                    return notFoundOrFailure(status);
                }));
    }

    @Override
    public Lookup<ProviderRefund> refundByMerchantReference(String merchantReference) {
        return lookup("refund of " + merchantReference, () -> rest.get()
                .uri(uri -> uri.path("/v1/refunds").queryParam("merchant_reference", merchantReference).build())
                .accept(MediaType.APPLICATION_JSON)
                .exchange((req, response) -> {
                    int status = response.getStatusCode().value();
                    if (status == 200) {
                        PspWire.RefundList list = response.bodyTo(PspWire.RefundList.class);
                        if (list == null || list.data() == null || list.data().isEmpty()) {
                            return new Lookup.NotFound<ProviderRefund>();
                        }
                        PspWire.Refund refund = list.data().getFirst();
                        return new Lookup.Found<>(new ProviderRefund(refund.id(), "succeeded".equals(refund.status()),
                                refund.amount() == null ? 0 : refund.amount()));
                    }
                    return notFoundOrFailure(status);
                }));
    }

    /** Runs a capture or refund through the retry and breaker; no answer is Unknown, never an exception. */
    private OperationOutcome operation(String what, Supplier<OperationOutcome> call) {
        try {
            return Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(circuitBreaker, call)).get();
        }
        catch (CallNotPermittedException ex) {
            return new OperationOutcome.Unknown("circuit breaker open");
        }
        catch (ResourceAccessException | ProviderFailure ex) {
            String reason = describe(ex);
            log.warn("No answer from the provider to {}: {}", what, reason);
            return new OperationOutcome.Unknown(reason);
        }
        catch (RestClientException ex) {
            log.error("Unreadable answer from the provider to {}", what, ex);
            return new OperationOutcome.Unknown("unreadable provider answer");
        }
    }

    /** A lookup through the retry and breaker; an unreachable provider is Unavailable, never an exception. */
    private <T> Lookup<T> lookup(String what, Supplier<Lookup<T>> call) {
        try {
            return Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(circuitBreaker, call)).get();
        }
        catch (CallNotPermittedException ex) {
            return new Lookup.Unavailable<>("circuit breaker open");
        }
        catch (RestClientException | ProviderFailure ex) {
            String reason = describe(ex);
            log.warn("Could not look up {} at the provider: {}", what, reason);
            return new Lookup.Unavailable<>(reason);
        }
    }

    private static OperationOutcome failure(int status, PspWire.ErrorEnvelope error) {
        if (status >= 500 || status == 429 || status == 409) {
            throw new ProviderFailure(status);
        }
        // 4xx: the provider refused the request itself (unexpected state, amount too large): repeating it cannot
        // succeed.
        log.warn("Provider refused with {}: {}", status, error == null ? null : error.error());
        return new OperationOutcome.Failed(declineCode(error));
    }

    private static <T> Lookup<T> notFoundOrFailure(int status) {
        if (status == 404) {
            return new Lookup.NotFound<>();
        }
        throw new ProviderFailure(status);
    }

    private static Lookup<ProviderIntent> found(PspWire.PaymentIntent intent) {
        if (intent == null || intent.id() == null) {
            throw new ProviderFailure(200);
        }
        IntentState state = switch (String.valueOf(intent.status())) {
            case "requires_capture" -> IntentState.HELD;
            case "succeeded" -> IntentState.CAPTURED;
            case "canceled" -> IntentState.CANCELLED;
            default -> IntentState.OTHER;
        };
        return new Lookup.Found<>(new ProviderIntent(intent.id(), state,
                intent.amountReceived() == null ? 0 : intent.amountReceived(),
                intent.amountRefunded() == null ? 0 : intent.amountRefunded()));
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
