package com.example.shop.psp.intents;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Predicate;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

import com.example.shop.psp.ApiError;
import com.example.shop.psp.Ids;
import com.example.shop.psp.tokens.TestTokens;
import com.example.shop.psp.tokens.TokenBehaviours;

/**
 * The simulated provider's payment logic: the test token decides the outcome, as with Stripe's test cards
 * (see {@link TestTokens}). Intents live in memory and are gone when the simulator stops.
 *
 * <p>Every change of an intent (capture, cancel, refund) is one atomic step on that intent, so of concurrent
 * requests exactly one capture wins and refunds never add up to more than was captured.
 */
@Service
public class PaymentIntents {

    private final Map<String, PaymentIntent> intents = new ConcurrentHashMap<>();
    private final ConcurrentLinkedDeque<String> idsOldestFirst = new ConcurrentLinkedDeque<>();
    private final TokenBehaviours tokens;
    private final Clock clock;

    @Autowired
    public PaymentIntents(TokenBehaviours tokens) {
        this(tokens, Clock.systemUTC());
    }

    PaymentIntents(TokenBehaviours tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    /**
     * Authorises (or, for automatic capture, charges) the payment.
     *
     * @throws ApiError 402 when the card is declined, 400 when the payment method is unknown
     */
    public PaymentIntent create(CreatePaymentIntent request) {
        switch (request.paymentMethod()) {
            case TestTokens.DECLINED -> throw ApiError.cardDeclined("generic_decline", "Your card was declined.");
            case TestTokens.INSUFFICIENT_FUNDS ->
                    throw ApiError.cardDeclined("insufficient_funds", "Your card has insufficient funds.");
            default -> {
                if (!TestTokens.approves(request.paymentMethod())) {
                    throw ApiError.invalidRequest("resource_missing", "payment_method",
                            "No such PaymentMethod: '" + request.paymentMethod() + "'");
                }
            }
        }
        tokens.delayCreate(request.paymentMethod());
        boolean manual = request.captureMethod() == CaptureMethod.MANUAL;
        var intent = new PaymentIntent(Ids.next("pi_"), "payment_intent", request.amount(),
                manual ? 0 : request.amount(), 0, request.currency(),
                manual ? PaymentIntentStatus.REQUIRES_CAPTURE : PaymentIntentStatus.SUCCEEDED,
                request.captureMethod(), request.paymentMethod(), request.metadata(), clock.instant().getEpochSecond());
        intents.put(intent.id(), intent);
        idsOldestFirst.add(intent.id());
        return intent;
    }

    /**
     * Captures a held intent: {@code amountToCapture} (all of it when {@code null}) is taken, the rest of the
     * hold released, as with Stripe. Only one capture per intent: a second is refused.
     *
     * @throws ApiError 404 when there is no such intent; 400 {@code payment_intent_unexpected_state} when it is
     *     not {@code requires_capture}; 400 {@code amount_too_large} when more than the authorised amount is asked
     */
    public PaymentIntent capture(String id, Long amountToCapture) {
        PaymentIntent captured = intents.computeIfPresent(id, (key, intent) -> {
            if (intent.status() != PaymentIntentStatus.REQUIRES_CAPTURE) {
                throw unexpectedState("capture", intent);
            }
            long amount = amountToCapture == null ? intent.amount() : amountToCapture;
            if (amount > intent.amount()) {
                throw ApiError.invalidRequest("amount_too_large", "amount_to_capture", "The amount_to_capture ("
                        + amount + ") is greater than the amount authorised (" + intent.amount() + ").");
            }
            return intent.captured(amount);
        });
        if (captured == null) {
            throw notFound(id);
        }
        return captured;
    }

    /**
     * Cancels a held intent, so its funds are free again. Idempotent like Stripe's: cancelling a cancelled
     * intent answers it again.
     *
     * @throws ApiError 404 when there is no such intent, 400 {@code payment_intent_unexpected_state} when it
     *     was already captured
     */
    public PaymentIntent cancel(String id) {
        PaymentIntent cancelled = intents.computeIfPresent(id, (key, intent) -> switch (intent.status()) {
            case REQUIRES_CAPTURE -> intent.canceled();
            case CANCELED -> intent;
            case SUCCEEDED -> throw unexpectedState("cancel", intent);
        });
        if (cancelled == null) {
            throw notFound(id);
        }
        return cancelled;
    }

    /**
     * Gives back {@code requested} (everything still refundable when {@code null}) of a captured intent, and
     * lets {@code recorder} write the refund down in the same atomic step, so that concurrent refunds never
     * add up to more than was captured.
     *
     * @param recorder called with the intent as it is after the refund and the amount refunded
     * @throws ApiError 400 {@code resource_missing} (param {@code payment_intent}) when there is no such intent;
     *     400 {@code payment_intent_unexpected_state} when it is not captured; 400 {@code charge_already_refunded}
     *     when nothing is left; 400 {@code amount_too_large} when more than what is left is asked
     */
    public <R> R refund(String id, Long requested, BiFunction<PaymentIntent, Long, R> recorder) {
        var recorded = new AtomicReference<R>();
        PaymentIntent refunded = intents.computeIfPresent(id, (key, intent) -> {
            if (intent.status() != PaymentIntentStatus.SUCCEEDED) {
                throw unexpectedState("refund", intent);
            }
            long refundable = intent.refundable();
            if (refundable == 0) {
                throw ApiError.invalidRequest("charge_already_refunded", null,
                        "PaymentIntent " + id + " has already been refunded.");
            }
            long amount = requested == null ? refundable : requested;
            if (amount > refundable) {
                throw ApiError.invalidRequest("amount_too_large", "amount", "Refund amount (" + amount
                        + ") is greater than the amount left to refund (" + refundable + ").");
            }
            PaymentIntent after = intent.refunded(amount);
            recorded.set(recorder.apply(after, amount));
            return after;
        });
        if (refunded == null) {
            throw ApiError.invalidRequest("resource_missing", "payment_intent", "No such payment_intent: '" + id + "'");
        }
        return recorded.get();
    }

    public Optional<PaymentIntent> find(String id) {
        return Optional.ofNullable(intents.get(id));
    }

    /** Every intent, newest first, or those whose {@code metadata.merchant_reference} is {@code reference}. */
    public List<PaymentIntent> list(String reference) {
        return newestFirst(reference == null ? intent -> true : intent -> intent.hasMerchantReference(reference));
    }

    /** The intents whose {@code metadata.order_id} is the given one; lets tests see how often an order was charged. */
    public List<PaymentIntent> findByOrderId(String orderId) {
        return intents.values().stream().filter(intent -> orderId.equals(intent.metadata().get("order_id"))).toList();
    }

    private List<PaymentIntent> newestFirst(Predicate<PaymentIntent> filter) {
        var found = new ArrayList<PaymentIntent>();
        for (var ids = idsOldestFirst.descendingIterator(); ids.hasNext(); ) {
            PaymentIntent intent = intents.get(ids.next());
            if (intent != null && filter.test(intent)) {
                found.add(intent);
            }
        }
        return found;
    }

    private static ApiError unexpectedState(String action, PaymentIntent intent) {
        return ApiError.invalidRequest("payment_intent_unexpected_state", null, "You cannot " + action
                + " this PaymentIntent because it has a status of " + intent.status().wire() + ".");
    }

    private static ApiError notFound(String id) {
        return ApiError.notFound("id", "No such payment_intent: '" + id + "'");
    }
}
