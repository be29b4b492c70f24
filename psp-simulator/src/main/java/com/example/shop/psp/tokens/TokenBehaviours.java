package com.example.shop.psp.tokens;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import com.example.shop.psp.ApiError;
import com.example.shop.psp.SimulatorProperties;

/**
 * The misbehaviour some test tokens ask for: a transient failure on the first try of each request
 * ({@link TestTokens#FLAKY}), and answers that come too late for any client ({@link TestTokens#TIMEOUT},
 * {@link TestTokens#CAPTURE_TIMEOUT}, {@link TestTokens#REFUND_TIMEOUT}).
 *
 * <p>A held-back answer is cut short with a 500 when the simulator stops: this lifecycle stops before the web
 * server's graceful shutdown, which would otherwise wait for every held request.
 */
@Component
public class TokenBehaviours implements SmartLifecycle {

    private final Duration delay;
    private final Set<String> triedOnce = ConcurrentHashMap.newKeySet();
    private final CountDownLatch stopping = new CountDownLatch(1);
    private volatile boolean running;

    public TokenBehaviours(SimulatorProperties properties) {
        this.delay = properties.timeoutTokenDelay();
    }

    /**
     * Fails the first try of a request on a {@link TestTokens#FLAKY} intent with 500 {@code api_error}, before
     * anything happens; a retry of the same request (the same {@code attempt}) goes through.
     *
     * @param attempt what identifies the request across retries: its idempotency key
     */
    public void failFirstTry(String paymentMethod, String attempt) {
        if (TestTokens.FLAKY.equals(paymentMethod) && triedOnce.add(attempt)) {
            throw ApiError.api("Simulated transient failure (tok_flaky): retry with the same Idempotency-Key.");
        }
    }

    /** {@link TestTokens#TIMEOUT}: the create takes longer than any client waits. */
    public void delayCreate(String paymentMethod) {
        if (TestTokens.TIMEOUT.equals(paymentMethod)) {
            holdBack("processing the payment");
        }
    }

    /** {@link TestTokens#CAPTURE_TIMEOUT}: the answer to a capture that already happened comes too late. */
    public void delayCaptureAnswer(String paymentMethod) {
        if (TestTokens.CAPTURE_TIMEOUT.equals(paymentMethod)) {
            holdBack("answering the capture");
        }
    }

    /** {@link TestTokens#REFUND_TIMEOUT}: the answer to a refund that already happened comes too late. */
    public void delayRefundAnswer(String paymentMethod) {
        if (TestTokens.REFUND_TIMEOUT.equals(paymentMethod)) {
            holdBack("answering the refund");
        }
    }

    private void holdBack(String what) {
        try {
            if (stopping.await(delay.toNanos(), TimeUnit.NANOSECONDS)) {
                throw ApiError.api("The simulator is stopping while " + what + ".");
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw ApiError.api("Interrupted while " + what + ".");
        }
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        stopping.countDown();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** The highest phase stops first, so held requests are released before the web server drains. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
