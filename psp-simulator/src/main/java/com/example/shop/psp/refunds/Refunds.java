package com.example.shop.psp.refunds;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

import com.example.shop.psp.ApiError;
import com.example.shop.psp.Ids;
import com.example.shop.psp.intents.PaymentIntents;

/**
 * Refunds of captured intents, in memory. Partial refunds add up; their sum never exceeds what was captured,
 * also under concurrent requests, because the intent's {@code amount_refunded} grows and the refund is written
 * down in one atomic step on the intent.
 */
@Service
public class Refunds {

    private final Map<String, Refund> refunds = new ConcurrentHashMap<>();
    private final ConcurrentLinkedDeque<String> idsOldestFirst = new ConcurrentLinkedDeque<>();
    private final PaymentIntents intents;
    private final Clock clock;

    @Autowired
    public Refunds(PaymentIntents intents) {
        this(intents, Clock.systemUTC());
    }

    Refunds(PaymentIntents intents, Clock clock) {
        this.intents = intents;
        this.clock = clock;
    }

    /**
     * Gives money back from a captured intent.
     *
     * @throws ApiError 400 with {@code resource_missing}, {@code payment_intent_unexpected_state},
     *     {@code charge_already_refunded} or {@code amount_too_large}, see {@link PaymentIntents#refund}
     */
    public Refund create(CreateRefund request) {
        return intents.refund(request.paymentIntent(), request.amount(), (intent, amount) -> {
            var refund = new Refund(Ids.next("re_"), "refund", amount, intent.currency(), intent.id(),
                    RefundStatus.SUCCEEDED, request.metadata(), clock.instant().getEpochSecond());
            refunds.put(refund.id(), refund);
            idsOldestFirst.add(refund.id());
            return refund;
        });
    }

    public Optional<Refund> find(String id) {
        return Optional.ofNullable(refunds.get(id));
    }

    /**
     * The refunds, newest first, narrowed by each filter that is given.
     *
     * @param paymentIntent     only the refunds of this intent, or {@code null}
     * @param merchantReference only the refunds whose {@code metadata.merchant_reference} is this, or {@code null}
     */
    public List<Refund> list(String paymentIntent, String merchantReference) {
        var found = new ArrayList<Refund>();
        for (var ids = idsOldestFirst.descendingIterator(); ids.hasNext(); ) {
            Refund refund = refunds.get(ids.next());
            if (refund != null
                    && (paymentIntent == null || paymentIntent.equals(refund.paymentIntent()))
                    && (merchantReference == null || refund.hasMerchantReference(merchantReference))) {
                found.add(refund);
            }
        }
        return found;
    }
}
