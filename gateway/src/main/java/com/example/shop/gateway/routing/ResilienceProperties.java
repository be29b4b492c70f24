package com.example.shop.gateway.routing;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the gateway waits for each service and when it stops calling a failing one.
 *
 * @param defaultTimeout time limit for a route without its own entry in {@code timeouts}
 * @param timeouts time limit per circuit-breaker name (the service name, e.g. {@code order-service})
 * @param failureRateThreshold percentage of failed calls in the window that opens the circuit
 * @param slidingWindowSize number of recent calls the failure rate is computed over
 * @param minimumNumberOfCalls calls needed before the failure rate counts at all
 * @param waitInOpenState how long an open circuit answers at once before letting trial calls through
 */
@ConfigurationProperties("shop.gateway.resilience")
public record ResilienceProperties(
        @DefaultValue("5s") Duration defaultTimeout,
        @DefaultValue Map<String, Duration> timeouts,
        @DefaultValue("50") float failureRateThreshold,
        @DefaultValue("20") int slidingWindowSize,
        @DefaultValue("10") int minimumNumberOfCalls,
        @DefaultValue("10s") Duration waitInOpenState) {

    /** The time limit for the route guarded by the named circuit breaker. */
    public Duration timeoutFor(String circuitBreakerName) {
        return timeouts.getOrDefault(circuitBreakerName, defaultTimeout);
    }
}
