package com.example.shop.order.ordering;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of ordering ({@code shop.order.*}).
 *
 * @param recovery how PENDING orders are picked up again
 * @param listLimit how many orders {@code GET /api/orders} returns at most, newest first
 * @param paymentDeadline how long after payment-service first answered UNAVAILABLE the payment is asked
 *     again; after that it is cancelled and the order rejected {@code PAYMENT_UNAVAILABLE}
 * @param loyaltyDeadline how long after loyalty-service first could not be reached for a points hold the hold
 *     is asked again; after that the stock and any hold are released and the order rejected
 *     {@code LOYALTY_UNAVAILABLE}
 */
@ConfigurationProperties("shop.order")
public record OrderProperties(@DefaultValue Recovery recovery, @DefaultValue("100") int listLimit,
        @DefaultValue("2m") Duration paymentDeadline, @DefaultValue("2m") Duration loyaltyDeadline) {

    /**
     * @param enabled whether this replica runs the recovery job
     * @param interval pause between two runs of the job
     * @param staleAfter how long an order a driver had to leave PENDING (a service could not be reached) is
     *     left alone before it is driven again; also the first pause between payment retries, which doubles
     *     with each UNAVAILABLE
     * @param lease how long a driver owns an order it drives; longer than the slowest remote step (two tries
     *     of the read timeout plus back-off), so an order is never driven by two drivers at once
     * @param contractErrorRetry how long an order waits after a service refused a request with a 4xx, which
     *     asking again soon will not fix
     * @param batchSize how many orders one run drives at most
     */
    public record Recovery(@DefaultValue("true") boolean enabled, @DefaultValue("5s") Duration interval,
            @DefaultValue("15s") Duration staleAfter, @DefaultValue("60s") Duration lease,
            @DefaultValue("30m") Duration contractErrorRetry, @DefaultValue("20") int batchSize) {
    }
}
