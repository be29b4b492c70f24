package com.example.shop.psp;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The simulator's knobs.
 *
 * @param latency           added to every {@code /v1/**} request before it is handled (at start; changeable
 *                          at runtime through {@code PUT /simulator/faults})
 * @param failureRate       share of {@code /v1/**} requests (0.0 to 1.0) answered with 500 {@code api_error}
 *                          before anything happens, so a retry with the same idempotency key can still succeed
 *                          (at start; changeable at runtime)
 * @param timeoutTokenDelay how long a payment with {@code tok_timeout} takes before it is approved, and how
 *                          long the answers to captures of {@code tok_captureTimeout} and refunds of
 *                          {@code tok_refundTimeout} are held back; longer than any sensible client timeout
 * @param idempotencyKeyTtl how long a stored response is replayed for its idempotency key
 */
@ConfigurationProperties("psp")
public record SimulatorProperties(
        @DefaultValue("0s") Duration latency,
        @DefaultValue("0") double failureRate,
        @DefaultValue("30s") Duration timeoutTokenDelay,
        @DefaultValue("24h") Duration idempotencyKeyTtl) {

    public SimulatorProperties {
        if (failureRate < 0.0 || failureRate > 1.0) {
            throw new IllegalArgumentException("psp.failure-rate must be between 0.0 and 1.0, was " + failureRate);
        }
        if (latency.isNegative() || timeoutTokenDelay.isNegative() || !idempotencyKeyTtl.isPositive()) {
            throw new IllegalArgumentException("psp durations must not be negative, and the key TTL must be positive");
        }
    }
}
