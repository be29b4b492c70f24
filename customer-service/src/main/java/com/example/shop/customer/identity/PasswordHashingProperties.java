package com.example.shop.customer.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many password hashes run at once ({@code shop.passwords.*}); see {@link BoundedPasswordEncoder}.
 *
 * @param maxConcurrentHashes hashes computed at the same time; 0 (the default) means one per core, what the cores
 *     can do: more would only share them and make every hash slower
 * @param maxWait how long a login or sign-up waits in line for its turn before it is refused with 503 and
 *     Retry-After: long enough for a line of 64 logins on two cores (the benchmark's 64 buy sessions at once wait
 *     12-14 s, as the stack serves about 5 sessions/s; 20 s leaves room for a slower hour), and below the
 *     gateway's time limit for customer-service (25 s), so a busy service answers rather than being timed out
 *     (which the gateway's circuit breaker would count as a failure)
 */
@ConfigurationProperties("shop.passwords")
public record PasswordHashingProperties(@DefaultValue("0") int maxConcurrentHashes,
        @DefaultValue("20s") Duration maxWait) {

    int permits() {
        return maxConcurrentHashes > 0 ? maxConcurrentHashes : Runtime.getRuntime().availableProcessors();
    }
}
