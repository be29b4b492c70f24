package com.example.shop.shipping.shipments;

import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What shipping-service holds about a customer, for customer-service's export and deletion: the shipments of
 * their orders, with the address each went to. Deleting a customer anonymises those addresses; the shipments
 * themselves stay (the label is bought and paid for, the parcel may be on its way, and order-service still
 * follows it).
 */
@Service
public class CustomersPersonalData {

    private static final Logger log = LoggerFactory.getLogger(CustomersPersonalData.class);

    private final ShipmentRepository shipments;
    private final Clock clock;

    CustomersPersonalData(ShipmentRepository shipments, Clock clock) {
        this.shipments = shipments;
        this.clock = clock;
    }

    /** The customer's shipments, oldest first, each with its tracking events; empty when there are none. */
    @Transactional(readOnly = true)
    public List<TrackedShipment> shipments(CustomerId customer) {
        return shipments.findByCustomer(customer).stream()
                .map(shipment -> new TrackedShipment(shipment, shipments.trackingEvents(shipment.id())))
                .toList();
    }

    /**
     * Anonymises the recipient's name and street of every shipment of the customer (postal code, city and
     * country stay). Idempotent. Joins the caller's transaction (the inbox's), so the change and the event id
     * that caused it commit together.
     */
    @Transactional
    public int anonymise(CustomerId customer) {
        int anonymised = shipments.anonymise(customer, clock.instant());
        log.info("Anonymised the address of {} shipment(s) of a deleted customer", anonymised);
        return anonymised;
    }

    /** A shipment with its tracking events, oldest first. */
    public record TrackedShipment(Shipment shipment, List<TrackingEvent> events) {

        public TrackedShipment {
            events = List.copyOf(events);
        }
    }
}
