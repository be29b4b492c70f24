package com.example.shop.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Checks each bearer token's signature once instead of on every request that carries it (the gateway's copy of
 * the services' {@code VerifiedTokenCache} in web-support, for the reactive decoder).
 *
 * <p>A token the wrapped decoder accepted (signature, issuer and time window) is remembered by its exact text
 * and accepted again without verifying until it expires (with Spring Security's 60 s of clock skew); then it
 * is forgotten and goes to the decoder, which refuses it. A refused token is never remembered. At most
 * {@code capacity} tokens (a few KB each); when full, expired ones are dropped, and if that frees nothing, all.
 */
final class VerifiedTokenCache implements ReactiveJwtDecoder {

    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    private final ReactiveJwtDecoder decoder;
    private final int capacity;
    private final Clock clock;
    private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

    VerifiedTokenCache(ReactiveJwtDecoder decoder, int capacity, Clock clock) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        this.decoder = decoder;
        this.capacity = capacity;
        this.clock = clock;
    }

    @Override
    public Mono<Jwt> decode(String token) throws JwtException {
        Jwt known = verified.get(token);
        if (known != null) {
            if (!expired(known, clock.instant())) {
                return Mono.just(known);
            }
            verified.remove(token, known);
        }
        return decoder.decode(token).doOnNext(jwt -> remember(token, jwt));
    }

    int size() {
        return verified.size();
    }

    private void remember(String token, Jwt jwt) {
        Instant now = clock.instant();
        if (expired(jwt, now)) {
            return;
        }
        if (verified.size() >= capacity) {
            verified.values().removeIf(known -> expired(known, now));
            if (verified.size() >= capacity) {
                verified.clear();
            }
        }
        verified.put(token, jwt);
    }

    /** A token without an expiry is never remembered: it would be accepted for as long as the gateway runs. */
    private static boolean expired(Jwt jwt, Instant now) {
        Instant expiresAt = jwt.getExpiresAt();
        return expiresAt == null || now.isAfter(expiresAt.plus(CLOCK_SKEW));
    }
}
