package com.example.shop.customer.privacy.client;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The services asked for a customer's personal data ({@code shop.personal-data.*}), and how patiently.
 */
@ConfigurationProperties("shop.personal-data")
public record PersonalDataProperties(@DefaultValue("http://localhost:8084") URI orderUrl,
        @DefaultValue("http://localhost:8083") URI cartUrl, @DefaultValue("http://localhost:8088") URI loyaltyUrl,
        @DefaultValue("http://localhost:8086") URI notificationUrl,
        @DefaultValue("http://localhost:8087") URI shippingUrl, @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("5s") Duration readTimeout) {
}
