package com.example.shop.payment.payments.client;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the payment service provider is and how long to wait for it. Retries and the circuit breaker are
 * Resilience4j's instance {@code psp} ({@code resilience4j.retry.instances.psp}, ...).
 *
 * @param url            the provider's base URL ({@code SHOP_PSP_URL})
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout    how long to wait for the answer to one request
 */
@ConfigurationProperties("shop.psp")
public record PspProperties(
        @DefaultValue("http://localhost:8090") URI url,
        @DefaultValue("1s") Duration connectTimeout,
        @DefaultValue("2s") Duration readTimeout) {
}
