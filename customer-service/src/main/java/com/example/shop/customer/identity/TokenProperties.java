package com.example.shop.customer.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How access tokens are issued ({@code shop.tokens.*}).
 *
 * @param issuer the {@code iss} claim that every service expects
 * @param timeToLive how long a token is valid
 * @param privateKey an RSA private key in PEM (PKCS#8, {@code -----BEGIN PRIVATE KEY-----}) that signs the
 *     tokens, for deployments that manage the key as a secret; empty to generate one on first start
 */
@ConfigurationProperties("shop.tokens")
public record TokenProperties(@DefaultValue("shop-customer-service") String issuer,
        @DefaultValue("1h") Duration timeToLive, String privateKey) {

    boolean hasConfiguredKey() {
        return privateKey != null && !privateKey.isBlank();
    }
}
