package com.example.shop.order.ordering;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of ordering ({@code shop.order.*}).
 *
 * @param recovery how PENDING orders are picked up again
 * @param listLimit how many orders {@code GET /api/orders} returns at most, newest first
 */
@ConfigurationProperties("shop.order")
public record OrderProperties(@DefaultValue Recovery recovery, @DefaultValue("100") int listLimit) {

    /**
     * @param enabled whether this replica runs the recovery job
     * @param interval pause between two runs of the job
     * @param staleAfter how long a PENDING order is left alone after it was created or last driven; also
     *     the lease a replica takes on the orders it drives
     * @param batchSize how many orders one run drives at most
     */
    public record Recovery(@DefaultValue("true") boolean enabled, @DefaultValue("5s") Duration interval,
            @DefaultValue("15s") Duration staleAfter, @DefaultValue("20") int batchSize) {
    }
}
