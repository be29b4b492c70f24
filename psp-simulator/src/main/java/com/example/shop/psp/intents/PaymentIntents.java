package com.example.shop.psp.intents;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

import com.example.shop.psp.ApiError;
import com.example.shop.psp.SimulatorProperties;

/**
 * The simulated provider's payment logic: the test token decides the outcome, as with Stripe's test cards.
 * Intents live in memory and are gone when the simulator stops.
 *
 * <ul>
 *   <li>{@code tok_visa}: approved</li>
 *   <li>{@code tok_chargeDeclined}: declined, {@code generic_decline}</li>
 *   <li>{@code tok_insufficientFunds}: declined, {@code insufficient_funds}</li>
 *   <li>{@code tok_timeout}: approved, but only after {@code psp.timeout-token-delay}</li>
 *   <li>anything else: 400 {@code resource_missing}</li>
 * </ul>
 */
@Service
public class PaymentIntents {

    public static final String APPROVED = "tok_visa";
    public static final String DECLINED = "tok_chargeDeclined";
    public static final String INSUFFICIENT_FUNDS = "tok_insufficientFunds";
    public static final String SLOW = "tok_timeout";

    private static final String ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final Map<String, PaymentIntent> intents = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final SimulatorProperties properties;
    private final Clock clock;

    @Autowired
    public PaymentIntents(SimulatorProperties properties) {
        this(properties, Clock.systemUTC());
    }

    PaymentIntents(SimulatorProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Authorises (or, for automatic capture, charges) the payment.
     *
     * @throws ApiError 402 when the card is declined, 400 when the payment method is unknown
     */
    public PaymentIntent create(CreatePaymentIntent request) {
        switch (request.paymentMethod()) {
            case APPROVED -> {
            }
            case SLOW -> pause();
            case DECLINED -> throw ApiError.cardDeclined("generic_decline", "Your card was declined.");
            case INSUFFICIENT_FUNDS -> throw ApiError.cardDeclined("insufficient_funds", "Your card has insufficient funds.");
            default -> throw ApiError.invalidRequest("resource_missing", "payment_method",
                    "No such PaymentMethod: '" + request.paymentMethod() + "'");
        }
        var status = request.captureMethod() == CaptureMethod.MANUAL
                ? PaymentIntentStatus.REQUIRES_CAPTURE
                : PaymentIntentStatus.SUCCEEDED;
        var intent = new PaymentIntent(newId(), "payment_intent", request.amount(), request.currency(), status,
                request.captureMethod(), request.paymentMethod(), request.metadata(), clock.instant().getEpochSecond());
        intents.put(intent.id(), intent);
        return intent;
    }

    /**
     * Cancels a held intent, so its funds are free again. Idempotent like Stripe's: cancelling a cancelled
     * intent answers it again.
     *
     * @throws ApiError 404 when there is no such intent, 400 {@code payment_intent_unexpected_state} when it
     *     was already captured
     */
    public PaymentIntent cancel(String id) {
        PaymentIntent cancelled = intents.computeIfPresent(id, (key, intent) ->
                intent.status() == PaymentIntentStatus.REQUIRES_CAPTURE
                        ? intent.withStatus(PaymentIntentStatus.CANCELED)
                        : intent);
        if (cancelled == null) {
            throw ApiError.notFound("id", "No such payment_intent: '" + id + "'");
        }
        if (cancelled.status() != PaymentIntentStatus.CANCELED) {
            throw ApiError.invalidRequest("payment_intent_unexpected_state", null, "You cannot cancel this "
                    + "PaymentIntent because it has a status of " + cancelled.status().wire() + ".");
        }
        return cancelled;
    }

    public Optional<PaymentIntent> find(String id) {
        return Optional.ofNullable(intents.get(id));
    }

    /** The intents whose {@code metadata.order_id} is the given one; lets tests see how often an order was charged. */
    public List<PaymentIntent> findByOrderId(String orderId) {
        return intents.values().stream().filter(intent -> orderId.equals(intent.metadata().get("order_id"))).toList();
    }

    private void pause() {
        try {
            Thread.sleep(properties.timeoutTokenDelay());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw ApiError.api("Interrupted while processing the payment.");
        }
    }

    private String newId() {
        var id = new StringBuilder("pi_");
        for (int i = 0; i < 24; i++) {
            id.append(ID_ALPHABET.charAt(random.nextInt(ID_ALPHABET.length())));
        }
        return id.toString();
    }
}
