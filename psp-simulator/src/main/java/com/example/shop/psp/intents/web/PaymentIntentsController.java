package com.example.shop.psp.intents.web;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.example.shop.psp.ApiError;
import com.example.shop.psp.idempotency.IdempotencyKeys;
import com.example.shop.psp.idempotency.IdempotencyKeys.StoredResponse;
import com.example.shop.psp.intents.CreatePaymentIntent;
import com.example.shop.psp.intents.PaymentIntent;
import com.example.shop.psp.intents.PaymentIntents;

/** {@code /v1/payment_intents}: create (idempotent per {@code Idempotency-Key}), read and cancel. */
@RestController
class PaymentIntentsController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";

    private final PaymentIntents intents;
    private final IdempotencyKeys keys;
    private final CreatePaymentIntentParser parser;

    PaymentIntentsController(PaymentIntents intents, IdempotencyKeys keys, CreatePaymentIntentParser parser) {
        this.intents = intents;
        this.keys = keys;
        this.parser = parser;
    }

    @PostMapping("/v1/payment_intents")
    ResponseEntity<Object> create(@RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
            @RequestBody(required = false) String body) {
        if (key == null || key.isBlank() || key.length() > 255) {
            throw ApiError.invalidRequest("parameter_missing", IDEMPOTENCY_KEY,
                    "This simulator requires an Idempotency-Key header of 1 to 255 characters on every create request.");
        }
        // Validation errors are answered before the key is looked at, so (as with Stripe) they are never stored.
        CreatePaymentIntent request = parser.parse(body);
        var outcome = keys.execute(key, request, () -> handle(request));
        StoredResponse response = outcome.response();
        return ResponseEntity.status(response.status())
                .contentType(MediaType.APPLICATION_JSON)
                .header(IDEMPOTENCY_KEY, key)
                .header(REPLAYED, String.valueOf(outcome.replayed()))
                .body(response.body());
    }

    @GetMapping("/v1/payment_intents/{id}")
    PaymentIntent find(@PathVariable String id) {
        return intents.find(id)
                .orElseThrow(() -> ApiError.notFound("id", "No such payment_intent: '" + id + "'"));
    }

    /** Stripe's cancel: any body (e.g. {@code cancellation_reason}) is accepted and ignored. */
    @PostMapping("/v1/payment_intents/{id}/cancel")
    PaymentIntent cancel(@PathVariable String id) {
        return intents.cancel(id);
    }

    private StoredResponse handle(CreatePaymentIntent request) {
        try {
            return new StoredResponse(200, intents.create(request), true);
        }
        catch (ApiError error) {
            // A decline or an unknown payment method is the provider's answer and is replayed; a 5xx is not,
            // so that the client's retry with the same key gets another chance.
            return new StoredResponse(error.status(), error.envelope(), error.status() < 500);
        }
    }
}
