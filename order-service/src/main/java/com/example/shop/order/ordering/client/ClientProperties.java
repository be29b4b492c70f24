package com.example.shop.order.ordering.client;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the other services are and how patiently to call them ({@code shop.clients.*}).
 *
 * @param maxAttempts attempts per call when the service cannot be reached, times out or answers 5xx; only
 *     the idempotent calls of the checkout are retried, so a retry never doubles an effect
 * @param retryBackoff pause between two attempts
 */
@ConfigurationProperties("shop.clients")
public record ClientProperties(@DefaultValue("http://localhost:8082") URI catalogUrl,
        @DefaultValue("http://localhost:8083") URI cartUrl, @DefaultValue("http://localhost:8085") URI paymentUrl,
        @DefaultValue("http://localhost:8087") URI shippingUrl, @DefaultValue("http://localhost:8088") URI loyaltyUrl,
        @DefaultValue("2s") Duration connectTimeout, @DefaultValue("10s") Duration readTimeout,
        @DefaultValue("2") int maxAttempts, @DefaultValue("200ms") Duration retryBackoff) {
}
