package com.example.shop.customer.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

class BoundedPasswordEncoderTests {

    /** A hash that takes its time and remembers how many ran at once. */
    static final class SlowHashes implements PasswordEncoder {

        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();
        volatile CountDownLatch release = new CountDownLatch(0);

        @Override
        public String encode(CharSequence raw) {
            int now = running.incrementAndGet();
            mostAtOnce.accumulateAndGet(now, Math::max);
            try {
                release.await();
                Thread.sleep(20);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            finally {
                running.decrementAndGet();
            }
            if (raw.toString().equals("explode")) {
                throw new IllegalStateException("hashing failed");
            }
            return "hash:" + raw;
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            return encode(raw).equals(encoded);
        }
    }

    @Test
    void hashesNoMoreAtOnceThanItHasTurns() throws InterruptedException {
        SlowHashes hashes = new SlowHashes();
        BoundedPasswordEncoder encoder = new BoundedPasswordEncoder(hashes, 2, Duration.ofSeconds(10));

        List<Thread> logins = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            logins.add(Thread.ofPlatform().start(() -> assertThat(encoder.matches("secret", "hash:secret")).isTrue()));
        }
        for (Thread login : logins) {
            login.join();
        }

        assertThat(hashes.mostAtOnce).hasValue(2);
    }

    @Test
    void refusesAHashThatCannotGetItsTurnInTime() throws InterruptedException {
        SlowHashes hashes = new SlowHashes();
        hashes.release = new CountDownLatch(1);
        BoundedPasswordEncoder encoder = new BoundedPasswordEncoder(hashes, 1, Duration.ofMillis(50));
        Thread first = Thread.ofPlatform().start(() -> encoder.encode("first"));
        while (hashes.running.get() == 0) {
            Thread.onSpinWait();
        }

        assertThatThrownBy(() -> encoder.encode("second")).isInstanceOf(PasswordHashingBusyException.class)
                .hasMessageContaining("waited 50 ms");

        hashes.release.countDown();
        first.join();
        assertThat(encoder.encode("third")).isEqualTo("hash:third");
    }

    @Test
    void givesTheTurnBackWhenAHashFails() {
        BoundedPasswordEncoder encoder = new BoundedPasswordEncoder(new SlowHashes(), 1, Duration.ofMillis(50));

        assertThatThrownBy(() -> encoder.encode("explode")).isInstanceOf(IllegalStateException.class);

        assertThat(encoder.encode("after")).isEqualTo("hash:after");
    }
}
