package com.example.shop.order.ordering.client;

import java.time.Duration;
import java.util.function.Supplier;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientException;

import com.example.shop.order.ordering.DependencyRefusedException;
import com.example.shop.order.ordering.DependencyUnavailableException;

/**
 * A bounded retry for calls that are idempotent per order id, inside the called service's bulkhead. Only
 * failures that may pass (no connection, timeout, 5xx) are retried; anything else is reported at once. Every
 * failure becomes a {@link DependencyUnavailableException}, which leaves the order PENDING for the recovery job;
 * a 4xx or an unreadable answer becomes its subtype {@link DependencyRefusedException}, retried only after a
 * long pause.
 *
 * <p>The bulkhead caps how many threads may be inside calls to one service at once (retries and their pauses
 * included), so a service that hangs until the read timeout holds at most that many request threads; the
 * others keep serving requests that need other services or none. A call the full bulkhead turns away is
 * reported as the service being unavailable, never tried, so it has no effect to repeat or undo.
 *
 * <p>Each attempt goes through the service's circuit breaker. Once enough attempts failed (no connection,
 * timeout, 5xx or an unreadable answer; a 4xx is the service's answer, not its failure, and does not count), the
 * breaker is open and refuses further attempts without calling: the call fails at once as the service being
 * unavailable, exactly as if it were down, so callers keep what they already do then (order PENDING,
 * intent retried, cart 503), only sooner. The retry loop stops at the first refusal, since the breaker would
 * refuse the next attempt too. After its open duration, the next call (a request, or the recovery job's next
 * pass) is let through as a probe.
 */
final class Attempts {

    private static final Logger log = LoggerFactory.getLogger(Attempts.class);

    private final int maxAttempts;
    private final Duration backoff;
    private final Bulkhead bulkhead;
    private final CircuitBreaker breaker;

    Attempts(int maxAttempts, Duration backoff, Bulkhead bulkhead, CircuitBreaker breaker) {
        this.maxAttempts = Math.max(1, maxAttempts);
        this.backoff = backoff;
        this.bulkhead = bulkhead;
        this.breaker = breaker;
    }

    <T> T call(String what, Supplier<T> call) {
        // The bulkhead holds the whole retry loop and the breaker sees each attempt, so the breaker is inside the
        // bulkhead: a call the full bulkhead turns away never reaches the breaker and is not counted as a
        // failure. A full bulkhead says this service has many calls in flight, not that the other one fails;
        // counting it would let a burst of slow but successful calls open the breaker and turn away calls that
        // would have succeeded. Slow calls that do fail (timeouts) are counted by the breaker as they end.
        // An open breaker still takes a bulkhead permit, but only for the moment it takes to refuse.
        try {
            return bulkhead.executeSupplier(() -> retried(what, call));
        }
        catch (BulkheadFullException ex) {
            throw new DependencyUnavailableException(what + " not tried: " + bulkhead.getName() + " has "
                    + bulkhead.getBulkheadConfig().getMaxConcurrentCalls() + " calls in flight already", ex);
        }
    }

    private <T> T retried(String what, Supplier<T> call) {
        for (int attempt = 1;; attempt++) {
            try {
                return breaker.executeSupplier(call);
            }
            catch (CallNotPermittedException ex) {
                // Also when an earlier attempt of this call was the failure that opened it: asking again now
                // would only be refused again, so the call ends here rather than pausing for nothing.
                throw new DependencyUnavailableException(what + " not tried" + (attempt > 1 ? " again" : "")
                        + ": the " + breaker.getName() + " circuit breaker is " + breaker.getState(), ex);
            }
            catch (ResourceAccessException | HttpServerErrorException ex) {
                if (attempt >= maxAttempts) {
                    throw new DependencyUnavailableException(what + " failed after " + attempt + " attempts: "
                            + ex.getMessage(), ex);
                }
                pause();
            }
            catch (RestClientException ex) {
                // A 4xx or an unreadable answer is a contract mismatch that asking again soon will not fix; the
                // order stays PENDING, is tried again only after a long pause, and someone has to look at the log.
                log.error("{} refused: {}", what, ex.getMessage());
                throw new DependencyRefusedException(what + " refused: " + ex.getMessage(), ex);
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(backoff);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new DependencyUnavailableException("interrupted", ex);
        }
    }
}
