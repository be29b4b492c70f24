package com.example.shop.shipping.shipments.client;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the carrier is and how long to wait for it. Retries and the circuit breaker are Resilience4j's
 * instance {@code carrier} ({@code resilience4j.retry.instances.carrier}, ...).
 *
 * @param url            the carrier's base URL ({@code SHOP_CARRIER_URL})
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout    how long to wait for the answer to one request
 */
@ConfigurationProperties("shop.carrier")
public record CarrierProperties(
        @DefaultValue("http://localhost:8091") URI url,
        @DefaultValue("1s") Duration connectTimeout,
        @DefaultValue("2s") Duration readTimeout) {
}
