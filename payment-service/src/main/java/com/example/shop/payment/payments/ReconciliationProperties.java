package com.example.shop.payment.payments;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The reconciliation job ({@code shop.payment.reconciliation.*}).
 *
 * @param enabled    whether this instance runs the job (every instance may: they never take the same operation)
 * @param interval   pause between two runs
 * @param staleAfter how long an operation stays PENDING or UNKNOWN before the job asks the provider about it;
 *                   longer than a request's worst case, so the job does not race the request that sent it
 * @param batchSize  operations taken per run
 */
@ConfigurationProperties("shop.payment.reconciliation")
public record ReconciliationProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("30s") Duration interval,
        @DefaultValue("1m") Duration staleAfter,
        @DefaultValue("20") int batchSize) {

    public ReconciliationProperties {
        if (interval.isNegative() || interval.isZero() || staleAfter.isNegative() || batchSize < 1) {
            throw new IllegalArgumentException("interval must be positive, stale-after not negative, batch-size 1 or more");
        }
    }
}
