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

    private final Expiry expiry;

    ExpiryJob(Expiry expiry) {
        this.expiry = expiry;
    }

    @Scheduled(fixedDelayString = "${shop.loyalty.expiry-interval:1h}", initialDelayString = "${shop.loyalty.expiry-interval:1h}")
    void run() {
        try {
            expiry.runAll();
        }
        catch (RuntimeException ex) {
            // The next run picks up where this one stopped; every batch is its own transaction.
            log.warn("Expiry run failed: {}", ex.toString());
        }
    }
}
