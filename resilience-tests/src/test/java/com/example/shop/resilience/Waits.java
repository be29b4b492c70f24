package com.example.shop.resilience;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.Callable;

import org.awaitility.core.ConditionTimeoutException;

/** Bounded waits (Awaitility underneath); every loop of the suite ends by itself. */
final class Waits {

    private Waits() {
    }

    /** Polls {@code done} until it answers true (then true) or {@code atMost} has passed (then false). */
    static boolean until(Duration atMost, Duration interval, Callable<Boolean> done) {
        if (atMost.isNegative() || atMost.isZero()) {
            try {
                return done.call();
            }
            catch (Exception ex) {
                throw new IllegalStateException(ex);
            }
        }
        try {
            await().atMost(atMost).pollDelay(Duration.ZERO).pollInterval(interval).pollInSameThread()
                    .until(done);
            return true;
        }
        catch (ConditionTimeoutException timedOut) {
            return false;
        }
    }

    /** Lets time pass while the load runs (a fault's duration). */
    static void pause(Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            return;
        }
        await().pollDelay(duration).atMost(duration.plusSeconds(5)).pollInSameThread().until(() -> true);
    }
}
