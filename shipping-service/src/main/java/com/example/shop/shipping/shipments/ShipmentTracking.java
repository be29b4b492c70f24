package com.example.shop.shipping.shipments;

import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.example.shop.contracts.shipment.ShipmentEvents;
import com.example.shop.platform.messaging.Outbox;

/**
 * Follows parcels on their way: asks the carrier about every shipment that is due, records each tracking event
 * it has not seen (one per shipment and status) and publishes {@code shipment.tracking_updated.v1} for it, and
 * {@code shipment.delivered.v1} once when the parcel arrives. Each shipment's news is one transaction with its
 * events, under the shipment's row lock, so a repeated poll, or two instances, publish nothing twice.
 */
@Service
public class ShipmentTracking {

    private static final Logger log = LoggerFactory.getLogger(ShipmentTracking.class);

    private final ShipmentRepository shipments;
    private final Carrier carrier;
    private final Outbox outbox;
    private final TransactionTemplate transaction;
    private final TrackingProperties properties;
    private final Clock clock;

    ShipmentTracking(ShipmentRepository shipments, Carrier carrier, Outbox outbox,
            PlatformTransactionManager transactions, TrackingProperties properties, Clock clock) {
        this.shipments = shipments;
        this.carrier = carrier;
        this.outbox = outbox;
        this.transaction = new TransactionTemplate(transactions);
        this.properties = properties;
        this.clock = clock;
    }

    /** One round: polls the shipments that are due; returns how many were asked about. */
    public int pollDue() {
        List<Shipment> due = shipments.claimDueForTracking(clock.instant(), properties.interval(),
                properties.batchSize());
        for (Shipment shipment : due) {
            try {
                poll(shipment);
            }
            catch (RuntimeException ex) {
                // One shipment's trouble must not starve the others; it is due again after the interval.
                log.warn("Tracking of shipment {} failed; trying again later", shipment.id(), ex);
            }
        }
        return due.size();
    }

    private void poll(Shipment shipment) {
        switch (carrier.track(shipment.trackingNumber())) {
            case Carrier.TrackingOutcome.Tracked tracked -> transaction.executeWithoutResult(
                    status -> record(shipment.id(), tracked.events()));
            case Carrier.TrackingOutcome.Unknown unknown ->
                    log.warn("The carrier does not know tracking number {} of shipment {}", shipment.trackingNumber(),
                            shipment.id());
            case Carrier.Unavailable unavailable ->
                    log.info("Carrier unavailable for tracking {}: {}", shipment.trackingNumber(), unavailable.reason());
        }
    }

    /**
     * Records and publishes what is new about a shipment. Holds its row lock, so two pollers that both got the
     * carrier's answer apply it one after the other and the second finds nothing new.
     */
    void record(ShipmentId id, List<TrackingEvent> events) {
        Shipment shipment = shipments.lock(id);
        ShipmentStatus status = shipment.status();
        TrackingEvent delivery = null;
        for (TrackingEvent event : events) {
            if (!shipments.addTrackingEvent(id, event, clock.instant())) {
                continue;
            }
            outbox.publish(ShipmentEvents.TOPIC, shipment.orderId().toString(), ShipmentEvents.SHIPMENT_TRACKING_UPDATED,
                    ShipmentEventsTranslator.trackingUpdated(shipment, event));
            ShipmentStatus reached = ShipmentStatus.ofTracking(event.status()).orElse(status);
            if (reached.compareTo(status) > 0) {
                status = reached;
            }
            if (reached == ShipmentStatus.DELIVERED) {
                delivery = event;
            }
        }
        if (status == shipment.status()) {
            return;
        }
        // The status only moves on with a new event, so a delivery found now comes with its DELIVERED event.
        boolean deliveredNow = status == ShipmentStatus.DELIVERED && delivery != null;
        shipments.updateStatus(id, status, deliveredNow ? delivery.occurredAt() : null, clock.instant());
        if (deliveredNow) {
            outbox.publish(ShipmentEvents.TOPIC, shipment.orderId().toString(), ShipmentEvents.SHIPMENT_DELIVERED,
                    ShipmentEventsTranslator.delivered(shipment, delivery));
            log.info("Shipment {} of order {} delivered", id, shipment.orderId());
        }
    }
}
