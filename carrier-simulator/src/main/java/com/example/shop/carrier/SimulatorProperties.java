package com.example.shop.carrier;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The simulator's knobs.
 *
 * @param latency           added to every {@code /v1/**} request (except the advance control) before it is handled
 * @param failureRate       share of {@code /v1/**} requests (0.0 to 1.0) answered with 500 before anything happens,
 *                          so a retry with the same idempotency key can still succeed
 * @param transitTime       from label to delivery; the four steps after LABEL_CREATED are spread evenly over it
 * @param publicUrl         base of the {@code tracking_url} of every label
 * @param idempotencyKeyTtl how long a label is replayed for its idempotency key
 */
@ConfigurationProperties("carrier")
public record SimulatorProperties(
        @DefaultValue("0s") Duration latency,
        @DefaultValue("0") double failureRate,
        @DefaultValue("2m") Duration transitTime,
        @DefaultValue("http://localhost:8091") URI publicUrl,
        @DefaultValue("24h") Duration idempotencyKeyTtl) {

    public SimulatorProperties {
        if (failureRate < 0.0 || failureRate > 1.0) {
            throw new IllegalArgumentException("carrier.failure-rate must be between 0.0 and 1.0, was " + failureRate);
        }
        if (latency.isNegative() || !transitTime.isPositive() || !idempotencyKeyTtl.isPositive()) {
            throw new IllegalArgumentException(
                    "carrier.latency must not be negative; carrier.transit-time and the key TTL must be positive");
        }
    }
}
