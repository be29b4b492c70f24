package com.example.shop.carrier.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import com.example.shop.carrier.ApiError;
import com.example.shop.carrier.SimulatorProperties;

/**
 * Idempotency keys, in memory: the first response for a key is stored for a while (24 h by default) and
 * answered again for every later request with the same key and the same parameters; the same key with other
 * parameters is a 422 {@code IDEMPOTENCY.KEY_REUSED}. Requests with the same key run one after another, so
 * two concurrent requests never both buy a label. A restart forgets every key.
 */
@Component
public class IdempotencyKeys {

    private static final Duration SWEEP_INTERVAL = Duration.ofMinutes(1);

    private final ConcurrentHashMap<String, Slot> slots = new ConcurrentHashMap<>();
    private final Duration ttl;
    private final Clock clock;
    private volatile Instant nextSweep;

    @Autowired
    public IdempotencyKeys(SimulatorProperties properties) {
        this(properties.idempotencyKeyTtl(), Clock.systemUTC());
    }

    IdempotencyKeys(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
        this.nextSweep = clock.instant().plus(SWEEP_INTERVAL);
    }

    /**
     * Runs {@code action} once per key: the first completed response is stored and replayed afterwards.
     *
     * @param key         the client's idempotency key
     * @param parameters  what the request asked for, compared with {@link Object#equals} on replay
     * @param action      handles the request; a response it marks as not stored (a transient failure) is
     *                    answered but leaves the key free for a retry
     * @throws ApiError 422 {@code IDEMPOTENCY.KEY_REUSED} when the key was used with other parameters
     */
    public Outcome execute(String key, Object parameters, Supplier<StoredResponse> action) {
        sweepIfDue();
        while (true) {
            Slot slot = slots.computeIfAbsent(key, k -> new Slot());
            synchronized (slot) {
                if (slot.removed) {
                    continue; // swept while we waited for it; take the key's new slot
                }
                Instant now = clock.instant();
                slot.requests++;
                if (slot.response != null && now.isBefore(slot.expiresAt)) {
                    if (!slot.parameters.equals(parameters)) {
                        throw ApiError.unprocessable("IDEMPOTENCY.KEY_REUSED", "Idempotency-Key",
                                "The Idempotency-Key '" + key + "' was first used with other parameters.");
                    }
                    return new Outcome(slot.response, true);
                }
                slot.expiresAt = now.plus(ttl);
                StoredResponse response = action.get();
                if (response.stored()) {
                    slot.response = response;
                    slot.parameters = Objects.requireNonNull(parameters);
                }
                return new Outcome(response, false);
            }
        }
    }

    /** How many requests arrived with {@code key} while it was remembered; for tests and demos. */
    public int requests(String key) {
        Slot slot = slots.get(key);
        if (slot == null) {
            return 0;
        }
        synchronized (slot) {
            return slot.requests;
        }
    }

    private void sweepIfDue() {
        Instant now = clock.instant();
        if (now.isBefore(nextSweep)) {
            return;
        }
        nextSweep = now.plus(SWEEP_INTERVAL);
        slots.forEach((key, slot) -> {
            synchronized (slot) {
                if (slot.expiresAt != null && !now.isBefore(slot.expiresAt)) {
                    slot.removed = true;
                    slots.remove(key, slot);
                }
            }
        });
    }

    /** A response and whether it was a replay of an earlier one. */
    public record Outcome(StoredResponse response, boolean replayed) {
    }

    /** A response as answered for a key. {@code stored = false} for failures a retry should not see again. */
    public record StoredResponse(int status, Object body, boolean stored) {
    }

    private static final class Slot {
        int requests;
        boolean removed;
        Instant expiresAt;
        StoredResponse response;
        Object parameters;
    }
}
