package com.example.shop.customer.identity;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A password encoder that computes at most a fixed number of hashes at once; the others wait their turn, first
 * come first served, for a bounded time.
 *
 * <p>A BCrypt hash costs about 90 CPU-ms on the 2-core build machine, and each login and sign-up needs one. Left
 * unbounded, a burst of logins takes every core: checkout, cart and catalogue requests crawl, and the logins
 * themselves take seconds each because they share the cores with each other. Bounded, the waiting logins cost
 * nothing while they wait, each hash runs at full speed, and what is left of the cores serves everything else.
 * A login that cannot get its turn within {@code maxWait} is refused with {@link PasswordHashingBusyException}
 * (503 with Retry-After), on purpose, instead of timing out somewhere.
 */
final class BoundedPasswordEncoder implements PasswordEncoder {

    private final PasswordEncoder delegate;
    private final Semaphore turns;
    private final Duration maxWait;

    BoundedPasswordEncoder(PasswordEncoder delegate, int permits, Duration maxWait) {
        this.delegate = delegate;
        this.turns = new Semaphore(permits, true);
        this.maxWait = maxWait;
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return inTurn(() -> delegate.encode(rawPassword));
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        return inTurn(() -> delegate.matches(rawPassword, encodedPassword));
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    private <T> T inTurn(Supplier<T> hashing) {
        boolean turn;
        try {
            turn = turns.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new PasswordHashingBusyException(maxWait);
        }
        if (!turn) {
            throw new PasswordHashingBusyException(maxWait);
        }
        try {
            return hashing.get();
        }
        finally {
            turns.release();
        }
    }
}
