package com.example.shop.loyalty.points;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs {@link Expiry} every {@code shop.loyalty.expiry-interval}, on every instance (they share the work). */
@Component
@ConditionalOnBooleanProperty(name = "shop.loyalty.expiry-enabled", matchIfMissing = true)
class ExpiryJob {

    private static final Logger log = LoggerFactory.getLogger(ExpiryJob.class);

    /** Bounds one run; whatever is left is taken by the next. */
    private static final int MAX_BATCHES = 1000;

    private final Expiry expiry;
    private final LoyaltyProperties properties;

    ExpiryJob(Expiry expiry, LoyaltyProperties properties) {
        this.expiry = expiry;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${shop.loyalty.expiry-interval:1h}", initialDelayString = "${shop.loyalty.expiry-interval:1h}")
    void run() {
        try {
            // Each batch is its own transaction; keep going while batches come back full.
            for (int i = 0; i < MAX_BATCHES && expiry.expireDue() >= properties.expiryBatchSize(); i++) {
                // next batch
            }
            for (int i = 0; i < MAX_BATCHES && expiry.reviewTiers() >= properties.expiryBatchSize(); i++) {
                // next batch
            }
        }
        catch (RuntimeException ex) {
            // The next run picks up where this one stopped; every batch is its own transaction.
            log.warn("Expiry run failed: {}", ex.toString());
        }
    }
}
