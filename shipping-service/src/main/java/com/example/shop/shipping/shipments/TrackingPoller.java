package com.example.shop.shipping.shipments;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs a tracking round every {@code shop.shipping.tracking.interval}, on every instance (they share the work). */
@Component
@ConditionalOnBooleanProperty(name = "shop.shipping.tracking.enabled", matchIfMissing = true)
class TrackingPoller {

    private final ShipmentTracking tracking;

    TrackingPoller(ShipmentTracking tracking) {
        this.tracking = tracking;
    }

    @Scheduled(fixedDelayString = "${shop.shipping.tracking.interval:10s}",
            initialDelayString = "${shop.shipping.tracking.interval:10s}")
    void poll() {
        tracking.pollDue();
    }
}
