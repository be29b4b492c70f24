package com.example.shop.psp.refunds.web;

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
import com.example.shop.psp.JsonParameters;
import com.example.shop.psp.StripeList;
import com.example.shop.psp.StripeRequests;
import com.example.shop.psp.idempotency.IdempotencyKeys;
import com.example.shop.psp.idempotency.IdempotencyKeys.Outcome;
import com.example.shop.psp.intents.PaymentIntent;
import com.example.shop.psp.intents.PaymentIntents;
import com.example.shop.psp.refunds.CreateRefund;
import com.example.shop.psp.refunds.Refund;
import com.example.shop.psp.refunds.Refunds;
import com.example.shop.psp.tokens.TokenBehaviours;

import tools.jackson.databind.JsonNode;

/** {@code /v1/refunds}: create (idempotent per {@code Idempotency-Key}), read one, list by intent or reference. */
@RestController
class RefundsController {

    private static final Set<String> KNOWN = Set.of("payment_intent", "amount", "metadata");

    private final Refunds refunds;
    private final PaymentIntents intents;
    private final IdempotencyKeys keys;
    private final TokenBehaviours tokens;

    RefundsController(Refunds refunds, PaymentIntents intents, IdempotencyKeys keys, TokenBehaviours tokens) {
        this.refunds = refunds;
        this.intents = intents;
        this.keys = keys;
        this.tokens = tokens;
    }

    @PostMapping("/v1/refunds")
    ResponseEntity<Object> create(@RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
            @RequestBody(required = false) String body) {
        StripeRequests.requireIdempotencyKey(key, "refund");
        CreateRefund request = parse(body);
        Outcome outcome = keys.execute(key, request, () -> StripeRequests.answer(() -> {
            intents.find(request.paymentIntent())
                    .ifPresent(intent -> tokens.failFirstTry(intent.paymentMethod(), key));
            return refunds.create(request);
        }));
        // Outside the key's lock: the refund is done and visible; only its answer (and every replay) is late.
        if (outcome.response().body() instanceof Refund refund) {
            intents.find(refund.paymentIntent())
                    .ifPresent(intent -> tokens.delayRefundAnswer(intent.paymentMethod()));
        }
        return StripeRequests.respond(key, outcome);
    }

    @GetMapping("/v1/refunds/{id}")
    Refund find(@PathVariable String id) {
        return refunds.find(id).orElseThrow(() -> ApiError.notFound("id", "No such refund: '" + id + "'"));
    }

    /** All refunds, newest first, narrowed by {@code payment_intent} and/or {@code merchant_reference}. */
    @GetMapping("/v1/refunds")
    StripeList<Refund> list(@RequestParam MultiValueMap<String, String> query) {
        StripeRequests.checkQuery(query, Set.of("payment_intent", PaymentIntent.MERCHANT_REFERENCE));
        return StripeList.of(refunds.list(StripeRequests.filter(query, "payment_intent"),
                StripeRequests.filter(query, PaymentIntent.MERCHANT_REFERENCE)));
    }

    private static CreateRefund parse(String body) {
        JsonNode root = JsonParameters.object(body, "payment_intent");
        JsonParameters.rejectUnknown(root, KNOWN);
        return new CreateRefund(JsonParameters.string(root, "payment_intent"),
                JsonParameters.optionalAmount(root, "amount"), JsonParameters.metadata(root));
    }
}
