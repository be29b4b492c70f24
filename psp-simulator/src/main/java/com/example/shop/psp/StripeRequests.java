package com.example.shop.psp;

import java.util.Set;
import java.util.function.Supplier;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;

import com.example.shop.psp.idempotency.IdempotencyKeys.Outcome;
import com.example.shop.psp.idempotency.IdempotencyKeys.StoredResponse;

/** What every {@code /v1} endpoint does alike: check the idempotency key, store answers, set the headers. */
public final class StripeRequests {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";

    private StripeRequests() {
    }

    /** 400 {@code parameter_missing} unless the key has 1 to 255 characters; this simulator wants one. */
    public static void requireIdempotencyKey(String key, String operation) {
        if (key == null || key.isBlank() || key.length() > 255) {
            throw ApiError.invalidRequest("parameter_missing", IDEMPOTENCY_KEY, "This simulator requires an "
                    + "Idempotency-Key header of 1 to 255 characters on every " + operation + " request.");
        }
    }

    /**
     * Runs the provider's side of a request and turns its errors into answers: a 4xx is the provider's
     * answer and is stored under the key; a 5xx is not, so a retry with the same key gets another chance.
     */
    public static StoredResponse answer(Supplier<?> action) {
        try {
            return new StoredResponse(200, action.get(), true);
        }
        catch (ApiError error) {
            return new StoredResponse(error.status(), error.envelope(), error.status() < 500);
        }
    }

    /** The answer with Stripe's idempotency headers. */
    public static ResponseEntity<Object> respond(String key, Outcome outcome) {
        StoredResponse response = outcome.response();
        return ResponseEntity.status(response.status())
                .contentType(MediaType.APPLICATION_JSON)
                .header(IDEMPOTENCY_KEY, key)
                .header(REPLAYED, String.valueOf(outcome.replayed()))
                .body(response.body());
    }

    /** An answer to a request without a key: nothing stored, nothing replayed. */
    public static ResponseEntity<Object> respond(StoredResponse response) {
        return ResponseEntity.status(response.status()).contentType(MediaType.APPLICATION_JSON).body(response.body());
    }

    /**
     * 400 {@code parameter_unknown} for a query parameter this endpoint does not know, so a misspelt filter
     * never quietly lists everything; 400 {@code parameter_invalid} for one given twice.
     */
    public static void checkQuery(MultiValueMap<String, String> query, Set<String> known) {
        query.forEach((name, values) -> {
            if (!known.contains(name)) {
                throw ApiError.invalidRequest("parameter_unknown", name, "Received unknown parameter: " + name);
            }
            if (values.size() > 1) {
                throw ApiError.invalidRequest("parameter_invalid", name, "Invalid " + name + ": give it once.");
            }
        });
    }

    /** The value of an optional filter of a list; 400 {@code parameter_invalid_empty} when it is given blank. */
    public static String filter(MultiValueMap<String, String> query, String name) {
        String value = query.getFirst(name);
        if (value != null && value.isBlank()) {
            throw ApiError.invalidRequest("parameter_invalid_empty", name,
                    "Invalid " + name + ": must be a non-empty string.");
        }
        return value;
    }
}
