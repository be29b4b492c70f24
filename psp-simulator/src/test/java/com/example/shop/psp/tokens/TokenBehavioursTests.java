package com.example.shop.psp.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.example.shop.psp.ApiError;
import com.example.shop.psp.SimulatorProperties;

class TokenBehavioursTests {

    private final TokenBehaviours tokens = new TokenBehaviours(
            new SimulatorProperties(Duration.ZERO, 0, Duration.ofSeconds(30), Duration.ofHours(24)));

    @Test
    void failsTheFirstTryOfEachAttemptOfATokFlakyIntentOnly() {
        assertThatThrownBy(() -> tokens.failFirstTry(TestTokens.FLAKY, "key-1"))
                .isInstanceOfSatisfying(ApiError.class, error -> assertThat(error.status()).isEqualTo(500));
        assertThatCode(() -> tokens.failFirstTry(TestTokens.FLAKY, "key-1")).doesNotThrowAnyException();
        assertThatThrownBy(() -> tokens.failFirstTry(TestTokens.FLAKY, "key-2")).isInstanceOf(ApiError.class);
        assertThatCode(() -> tokens.failFirstTry(TestTokens.VISA, "key-3")).doesNotThrowAnyException();
    }

    @Test
    void holdsNothingBackForOtherTokens() {
        assertThatCode(() -> {
            tokens.delayCreate(TestTokens.VISA);
            tokens.delayCaptureAnswer(TestTokens.REFUND_TIMEOUT);
            tokens.delayRefundAnswer(TestTokens.CAPTURE_TIMEOUT);
        }).doesNotThrowAnyException();
    }

    @Test
    void releasesAHeldBackAnswerWithA500WhenTheSimulatorStops() throws Exception {
        tokens.start();
        var held = CompletableFuture.runAsync(() -> tokens.delayCaptureAnswer(TestTokens.CAPTURE_TIMEOUT));

        tokens.stop();

        assertThatThrownBy(() -> held.get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(ApiError.class, error -> assertThat(error.status()).isEqualTo(500));
        assertThat(tokens.isRunning()).isFalse();
    }

    @Test
    void answersA500WhenTheHoldingThreadIsInterrupted() {
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> tokens.delayRefundAnswer(TestTokens.REFUND_TIMEOUT))
                    .isInstanceOfSatisfying(ApiError.class, error -> assertThat(error.status()).isEqualTo(500));
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        }
        finally {
            Thread.interrupted();
        }
    }

    @Test
    void stopsBeforeTheWebServerDrainsItsRequests() {
        assertThat(tokens.getPhase()).isGreaterThan(org.springframework.context.SmartLifecycle.DEFAULT_PHASE - 1024);
    }
}
