package com.example.shop.catalog.inventory;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The job that expires reservations nobody confirmed or released in time. Every replica runs it; the
 * {@code skip locked} in {@link Reservations#expireDue} lets them share the due reservations.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ReservationExpiry {

    private static final Logger log = LoggerFactory.getLogger(ReservationExpiry.class);

    private final Reservations reservations;
    private final InventoryProperties properties;
    private final Clock clock;

    ReservationExpiry(Reservations reservations, InventoryProperties properties, ObjectProvider<Clock> clock) {
        this.reservations = reservations;
        this.properties = properties;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Scheduled(fixedDelayString = "${shop.inventory.expiry-interval:30s}",
            initialDelayString = "${shop.inventory.expiry-interval:30s}")
    void expireDueReservations() {
        try {
            int expired;
            do {
                expired = reservations.expireDue(clock.instant());
                if (expired > 0) {
                    log.info("Expired {} reservations and gave their stock back", expired);
                }
            }
            while (expired == properties.expiryBatchSize());
        }
        catch (RuntimeException ex) {
            // The next run tries again; a failed batch rolled back completely.
            log.warn("Expiring reservations failed; retrying on the next run", ex);
        }
    }
}
