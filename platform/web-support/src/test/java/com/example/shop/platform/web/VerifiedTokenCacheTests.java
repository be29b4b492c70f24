package com.example.shop.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class VerifiedTokenCacheTests {

    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

    private final List<String> verifications = new ArrayList<>();
    private final Instant expiry = NOW.plus(Duration.ofMinutes(15));
    private final MutableClock clock = new MutableClock(NOW);

    /**
     * Accepts "good-*" tokens expiring at {@link #expiry} until then (and the skew), refuses the rest, and counts
     * each verification.
     */
    private final JwtDecoder decoder = token -> {
        verifications.add(token);
        if (!token.startsWith("good")) {
            throw new BadJwtException("bad signature");
        }
        if (clock.now.isAfter(expiry.plus(VerifiedTokenCache.CLOCK_SKEW))) {
            throw new BadJwtException("expired");
        }
        return Jwt.withTokenValue(token).header("alg", "RS256").subject(token).issuedAt(NOW.minusSeconds(1))
                .expiresAt(expiry).build();
    };

    @Test
    void aTokenIsVerifiedOnceAndAcceptedAgainWithoutVerifying() {
        var cache = new VerifiedTokenCache(decoder, 10, clock);

        Jwt first = cache.decode("good-1");
        Jwt again = cache.decode("good-1");

        assertThat(again).isSameAs(first);
        assertThat(verifications).containsExactly("good-1");
    }

    @Test
    void aRefusedTokenIsRefusedEveryTimeAndNeverRemembered() {
        var cache = new VerifiedTokenCache(decoder, 10, clock);

        assertThatThrownBy(() -> cache.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> cache.decode("forged")).isInstanceOf(BadJwtException.class);

        assertThat(verifications).containsExactly("forged", "forged");
        assertThat(cache.size()).isZero();
    }

    @Test
    void aRememberedTokenThatExpiredIsRefused() {
        var cache = new VerifiedTokenCache(decoder, 10, clock);
        cache.decode("good-1");

        clock.now = expiry.plus(VerifiedTokenCache.CLOCK_SKEW).plusSeconds(1);

        assertThatThrownBy(() -> cache.decode("good-1")).isInstanceOf(BadJwtException.class).hasMessage("expired");
        assertThat(cache.size()).isZero();
    }

    @Test
    void withinTheClockSkewAnExpiredTokenIsStillAccepted() {
        var cache = new VerifiedTokenCache(decoder, 10, clock);
        cache.decode("good-1");

        clock.now = expiry.plusSeconds(30);
        cache.decode("good-1");

        assertThat(verifications).containsExactly("good-1");
    }

    @Test
    void aFullCacheStaysWithinItsCapacity() {
        var cache = new VerifiedTokenCache(decoder, 3, clock);
        for (int i = 0; i < 10; i++) {
            cache.decode("good-" + i);
        }

        assertThat(cache.size()).isLessThanOrEqualTo(3);
        assertThat(verifications).hasSize(10);
    }

    private static final class MutableClock extends Clock {

        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
