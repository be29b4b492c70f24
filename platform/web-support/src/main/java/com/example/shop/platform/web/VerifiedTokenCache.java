package com.example.shop.platform.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Checks each bearer token's signature once per service instead of on every request that carries it.
 *
 * <p>A customer's token comes back with every request of a session and, within one checkout, reaches a service
 * several times (the order, then order-service's calls to cart-service with the same token). Verifying RS256
 * each time cost about a tenth of order-service's CPU under load. A token the wrapped decoder accepted (its
 * signature, issuer and time window checked) is remembered by its exact text; while it has not expired (with
 * the same 60 s of clock skew as Spring Security's own check) the same text is accepted again without
 * verifying. A token that expired is forgotten and goes to the decoder, which refuses it. Nothing a token
 * says is trusted unless its own text was verified once here.
 *
 * <p>At most {@code capacity} tokens are remembered; when full, expired ones are dropped, and if that frees
 * nothing, all are (the next request of each session verifies once more). Size: a token and its claims are a
 * few KB, so 1,000 of them cost a few MB of a service's heap.
 */
final class VerifiedTokenCache implements JwtDecoder {

    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    private final JwtDecoder decoder;
    private final int capacity;
    private final Clock clock;
    private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

    VerifiedTokenCache(JwtDecoder decoder, int capacity, Clock clock) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        this.decoder = decoder;
        this.capacity = capacity;
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Instant now = clock.instant();
        Jwt known = verified.get(token);
        if (known != null) {
            if (!expired(known, now)) {
                return known;
            }
            verified.remove(token, known);
        }
        Jwt jwt = decoder.decode(token);
        if (!expired(jwt, now)) {
            if (verified.size() >= capacity) {
                makeRoom(now);
            }
            verified.put(token, jwt);
        }
        return jwt;
    }

    int size() {
        return verified.size();
    }

    private void makeRoom(Instant now) {
        verified.values().removeIf(jwt -> expired(jwt, now));
        if (verified.size() >= capacity) {
            verified.clear();
        }
    }

    /** A token without an expiry is never remembered: it would be accepted for as long as the service runs. */
    private static boolean expired(Jwt jwt, Instant now) {
        Instant expiresAt = jwt.getExpiresAt();
        return expiresAt == null || now.isAfter(expiresAt.plus(CLOCK_SKEW));
    }
}
