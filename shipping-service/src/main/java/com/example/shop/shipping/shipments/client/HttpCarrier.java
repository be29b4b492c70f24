package com.example.shop.shipping.shipments.client;

import java.util.List;
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

import com.example.shop.shipping.shipments.Carrier;
import com.example.shop.shipping.shipments.Destination;
import com.example.shop.shipping.shipments.Label;
import com.example.shop.shipping.shipments.LabelRequest;
import com.example.shop.shipping.shipments.Money;
import com.example.shop.shipping.shipments.Quote;
import com.example.shop.shipping.shipments.TrackingEvent;

/**
 * The carrier reached over HTTP with its EasyPost-like API. A label is bought with the shipment id as
 * {@code Idempotency-Key}. Each request has a connect and read timeout; IO errors, timeouts and 5xx are
 * retried with back-off (under the same key); a circuit breaker stops calling a carrier that keeps failing.
 * A 4xx is the carrier's refusal of the parcel and is never retried.
 */
public class HttpCarrier implements Carrier {

    private static final Logger log = LoggerFactory.getLogger(HttpCarrier.class);

    private final RestClient rest;
    private final Retry retry;
    private final CircuitBreaker circuitBreaker;

    public HttpCarrier(RestClient rest, Retry retry, CircuitBreaker circuitBreaker) {
        this.rest = rest;
        this.retry = retry;
        this.circuitBreaker = circuitBreaker;
        retry.getEventPublisher().onRetry(event -> log.warn("Retrying the carrier (try {} failed: {})",
                event.getNumberOfRetryAttempts(), describe(event.getLastThrowable())));
    }

    @Override
    public QuoteOutcome quote(int weightGrams, Destination destination) {
        var body = new CarrierWire.RatesRequest(
                new CarrierWire.RatesRequest.To(destination.country(), destination.postalCode()), weightGrams);
        return guarded("quote", () -> rest.post()
                .uri("/v1/rates")
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange((request, response) -> {
                    int status = response.getStatusCode().value();
                    if (status == 200) {
                        return quoted(response.bodyTo(CarrierWire.Rates.class));
                    }
                    return refusal(status, response.bodyTo(CarrierWire.ErrorEnvelope.class));
                }));
    }

    @Override
    public LabelOutcome buyLabel(LabelRequest request) {
        var address = request.address();
        var body = new CarrierWire.LabelRequest(request.carrier(), request.service(),
                new CarrierWire.LabelRequest.Recipient(address.name(), address.line1(), address.city(),
                        address.postalCode(), address.country()),
                request.weightGrams(), request.orderId().toString());
        return guarded("label of shipment " + request.shipmentId(), () -> rest.post()
                .uri("/v1/labels")
                .header("Idempotency-Key", request.shipmentId().toString())
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange((req, response) -> {
                    int status = response.getStatusCode().value();
                    if (status == 200) {
                        return bought(response.bodyTo(CarrierWire.Label.class));
                    }
                    return refusal(status, response.bodyTo(CarrierWire.ErrorEnvelope.class));
                }));
    }

    @Override
    public TrackingOutcome track(String trackingNumber) {
        return guarded("tracker " + trackingNumber, () -> rest.get()
                .uri("/v1/trackers/{trackingNumber}", trackingNumber)
                .accept(MediaType.APPLICATION_JSON)
                .exchange((request, response) -> {
                    int status = response.getStatusCode().value();
                    if (status == 200) {
                        return tracked(response.bodyTo(CarrierWire.Tracker.class));
                    }
                    if (status == 404) {
                        return new TrackingOutcome.Unknown();
                    }
                    if (status >= 500 || status == 429 || status == 409) {
                        throw new CarrierFailure("The carrier answered " + status);
                    }
                    return new Unavailable("the carrier refused the tracking request with " + status);
                }));
    }

    /**
     * Runs a call under the retry and the breaker. The breaker sits inside the retry, so it counts every try
     * and a retry stops as soon as it opens. What still fails is an {@link Unavailable}.
     */
    @SuppressWarnings("unchecked")
    private <T> T guarded(String what, Supplier<T> call) {
        Supplier<T> guarded = Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(circuitBreaker, call));
        try {
            return guarded.get();
        }
        catch (CallNotPermittedException ex) {
            return (T) new Unavailable("circuit breaker open");
        }
        catch (ResourceAccessException | CarrierFailure ex) {
            String reason = describe(ex);
            log.warn("Carrier unavailable for {}: {}", what, reason);
            return (T) new Unavailable(reason);
        }
        catch (RestClientException ex) {
            log.error("Unreadable answer from the carrier for {}", what, ex);
            return (T) new Unavailable("unreadable carrier answer");
        }
    }

    /** A non-200 answer to a rate or label request: retried when it says "try again", else a rejection. */
    private static Rejected refusal(int status, CarrierWire.ErrorEnvelope envelope) {
        if (status >= 500 || status == 429 || status == 409) {
            throw new CarrierFailure("The carrier answered " + status);
        }
        CarrierWire.Error error = envelope == null ? null : envelope.error();
        if (status != 422) {
            // 400 means this adapter sent something the carrier does not accept; asking again will not help.
            log.error("The carrier refused a request with {}: {}", status, error);
        }
        if (error == null) {
            return new Rejected("the carrier answered " + status);
        }
        return new Rejected(error.code() + ": " + error.message());
    }

    private static QuoteOutcome quotedOf(List<Quote> quotes) {
        return new QuoteOutcome.Quoted(quotes);
    }

    private static QuoteOutcome quoted(CarrierWire.Rates rates) {
        if (rates == null || rates.rates() == null) {
            throw new CarrierFailure("The carrier answered rates without a body");
        }
        return quotedOf(rates.rates().stream()
                .map(rate -> new Quote(rate.carrier(), rate.service(), money(rate.price()), rate.estimatedDays()))
                .toList());
    }

    private static LabelOutcome bought(CarrierWire.Label label) {
        if (label == null || label.trackingNumber() == null || label.carrier() == null || label.service() == null
                || label.price() == null || label.created() == null) {
            throw new CarrierFailure("The carrier answered a label without its tracking number, service or price");
        }
        return new LabelOutcome.Bought(new Label(label.id(), label.carrier(), label.service(), label.trackingNumber(),
                label.trackingUrl(), money(label.price()), label.created()));
    }

    private static TrackingOutcome tracked(CarrierWire.Tracker tracker) {
        if (tracker == null || tracker.events() == null) {
            throw new CarrierFailure("The carrier answered a tracker without events");
        }
        return new TrackingOutcome.Tracked(tracker.events().stream()
                .filter(event -> event.status() != null && event.occurredAt() != null)
                .map(event -> new TrackingEvent(event.status(), event.location(), event.occurredAt()))
                .toList());
    }

    private static Money money(CarrierWire.Price price) {
        try {
            return new Money(price.amount(), price.currency());
        }
        catch (RuntimeException ex) {
            throw new CarrierFailure("The carrier answered an unreadable price " + price);
        }
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
}
