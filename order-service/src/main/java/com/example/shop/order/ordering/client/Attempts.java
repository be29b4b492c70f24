package com.example.shop.order.ordering.client;

import java.time.Duration;
import java.util.function.Supplier;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
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
 */
final class Attempts {

    private static final Logger log = LoggerFactory.getLogger(Attempts.class);

    private final int maxAttempts;
    private final Duration backoff;
    private final Bulkhead bulkhead;

    Attempts(int maxAttempts, Duration backoff, Bulkhead bulkhead) {
        this.maxAttempts = Math.max(1, maxAttempts);
        this.backoff = backoff;
        this.bulkhead = bulkhead;
    }

    <T> T call(String what, Supplier<T> call) {
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
                return call.get();
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
