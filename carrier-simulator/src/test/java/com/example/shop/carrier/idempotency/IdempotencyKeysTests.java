package com.example.shop.carrier.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.example.shop.carrier.ApiError;
import com.example.shop.carrier.idempotency.IdempotencyKeys.StoredResponse;

class IdempotencyKeysTests {

    private final MutableClock clock = new MutableClock();
    private final IdempotencyKeys keys = new IdempotencyKeys(Duration.ofHours(24), clock);
    private final AtomicInteger executions = new AtomicInteger();

    private StoredResponse ok() {
        return new StoredResponse(200, "label-" + executions.incrementAndGet(), true);
    }

    @Test
    void runsTheActionOnceAndReplaysItsResponse() {
        var first = keys.execute("k", "params", this::ok);
        var second = keys.execute("k", "params", this::ok);

        assertThat(first.replayed()).isFalse();
        assertThat(second.replayed()).isTrue();
        assertThat(second.response().body()).isEqualTo(first.response().body());
        assertThat(executions).hasValue(1);
    }

    @Test
    void refusesTheKeyWithOtherParameters() {
        keys.execute("k", "params", this::ok);

        assertThatThrownBy(() -> keys.execute("k", "other params", this::ok))
                .isInstanceOfSatisfying(ApiError.class, error -> {
                    assertThat(error.status()).isEqualTo(422);
                    assertThat(error.envelope().error().code()).isEqualTo("IDEMPOTENCY.KEY_REUSED");
                });
        assertThat(executions).hasValue(1);
    }

    @Test
    void leavesTheKeyFreeAfterAResponseThatIsNotStored() {
        keys.execute("k", "params", () -> new StoredResponse(500, "failed", false));

        var retry = keys.execute("k", "params", this::ok);

        assertThat(retry.replayed()).isFalse();
        assertThat(retry.response().status()).isEqualTo(200);
    }

    @Test
    void forgetsAKeyAfterItsTimeToLive() {
        keys.execute("k", "params", this::ok);
        clock.advance(Duration.ofHours(24).plusSeconds(1));

        var later = keys.execute("k", "other params", this::ok);

        assertThat(later.replayed()).isFalse();
        assertThat(executions).hasValue(2);
    }

    @Test
    void sweepsExpiredKeysSoTheirCountsStartAgain() {
        keys.execute("old", "params", this::ok);
        assertThat(keys.requests("old")).isEqualTo(1);
        clock.advance(Duration.ofHours(25));

        keys.execute("new", "params", this::ok);

        assertThat(keys.requests("old")).isZero();
        assertThat(keys.requests("new")).isEqualTo(1);
    }

    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2025-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
