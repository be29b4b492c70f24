package com.example.shop.psp.intents.web;

import static com.example.shop.psp.StripeRequests.IDEMPOTENCY_KEY;

import java.util.Set;

import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.example.shop.psp.ApiError;
import com.example.shop.psp.StripeList;
import com.example.shop.psp.StripeRequests;
import com.example.shop.psp.idempotency.IdempotencyKeys;
import com.example.shop.psp.idempotency.IdempotencyKeys.Outcome;
import com.example.shop.psp.intents.CreatePaymentIntent;
import com.example.shop.psp.intents.PaymentIntent;
import com.example.shop.psp.intents.PaymentIntents;
import com.example.shop.psp.tokens.TokenBehaviours;

/**
 * {@code /v1/payment_intents}: create and capture (idempotent per {@code Idempotency-Key}), cancel (with or
 * without a key), read one, and list them by merchant reference.
 */
@RestController
class PaymentIntentsController {

    private final PaymentIntents intents;
    private final IdempotencyKeys keys;
    private final TokenBehaviours tokens;

    PaymentIntentsController(PaymentIntents intents, IdempotencyKeys keys, TokenBehaviours tokens) {
        this.intents = intents;
        this.keys = keys;
        this.tokens = tokens;
    }

    @PostMapping("/v1/payment_intents")
    ResponseEntity<Object> create(@RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
            @RequestBody(required = false) String body) {
        StripeRequests.requireIdempotencyKey(key, "create");
        // Validation errors are answered before the key is looked at, so (as with Stripe) they are never stored.
        CreatePaymentIntent request = PaymentIntentParameters.create(body);
        Outcome outcome = keys.execute(key, request, () -> StripeRequests.answer(() -> {
            tokens.failFirstTry(request.paymentMethod(), key);
            return intents.create(request);
        }));
        return StripeRequests.respond(key, outcome);
    }

    @PostMapping("/v1/payment_intents/{id}/capture")
    ResponseEntity<Object> capture(@PathVariable String id,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
            @RequestBody(required = false) String body) {
        StripeRequests.requireIdempotencyKey(key, "capture");
        Long amountToCapture = PaymentIntentParameters.amountToCapture(body);
        Outcome outcome = keys.execute(key, new CaptureParameters(id, amountToCapture),
                () -> StripeRequests.answer(() -> {
                    tokens.failFirstTry(existing(id).paymentMethod(), key);
                    return intents.capture(id, amountToCapture);
                }));
        // Outside the key's lock: the capture is done and visible; only its answer (and every replay) is late.
        if (outcome.response().body() instanceof PaymentIntent captured) {
            tokens.delayCaptureAnswer(captured.paymentMethod());
        }
        return StripeRequests.respond(key, outcome);
    }

    /**
     * Stripe's cancel: any body (e.g. {@code cancellation_reason}) is accepted and ignored. An
     * {@code Idempotency-Key} is optional; with one the answer is stored and replayed like any other.
     */
    @PostMapping("/v1/payment_intents/{id}/cancel")
    ResponseEntity<Object> cancel(@PathVariable String id,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        if (key == null) {
            // Without a key every request counts as the same attempt for tok_flaky.
            return StripeRequests.respond(StripeRequests.answer(() -> cancelAttempt(id, "cancel without a key of " + id)));
        }
        StripeRequests.requireIdempotencyKey(key, "cancel");
        Outcome outcome = keys.execute(key, new CancelParameters(id),
                () -> StripeRequests.answer(() -> cancelAttempt(id, key)));
        return StripeRequests.respond(key, outcome);
    }

    @GetMapping("/v1/payment_intents/{id}")
    PaymentIntent find(@PathVariable String id) {
        return existing(id);
    }

    /** All intents, newest first, or only those with {@code metadata.merchant_reference} = the given one. */
    @GetMapping("/v1/payment_intents")
    StripeList<PaymentIntent> list(@RequestParam MultiValueMap<String, String> query) {
        StripeRequests.checkQuery(query, Set.of(PaymentIntent.MERCHANT_REFERENCE));
        return StripeList.of(intents.list(StripeRequests.filter(query, PaymentIntent.MERCHANT_REFERENCE)));
    }

    private PaymentIntent cancelAttempt(String id, String attempt) {
        tokens.failFirstTry(existing(id).paymentMethod(), attempt);
        return intents.cancel(id);
    }

    private PaymentIntent existing(String id) {
        return intents.find(id).orElseThrow(() -> ApiError.notFound("id", "No such payment_intent: '" + id + "'"));
    }

    /** What a capture asked for, compared when its key comes again. */
    private record CaptureParameters(String intentId, Long amountToCapture) {
    }

    /** What a cancel asked for, compared when its key comes again. */
    private record CancelParameters(String intentId) {
    }
}
