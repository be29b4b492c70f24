package com.example.shop.contracts.shipment;

/**
 * The published contract of shipping-service: one topic keyed by order id (one shipment per order), and
 * the stable wire type of each event. Consumers switch on the type and ignore types they do not know.
 */
public final class ShipmentEvents {

    /** Topic of all shipment events; the Kafka key is the order id. */
    public static final String TOPIC = "shipment-events";

    public static final String SHIPMENT_LABEL_CREATED = "shipment.label_created.v1";
    public static final String SHIPMENT_TRACKING_UPDATED = "shipment.tracking_updated.v1";
    public static final String SHIPMENT_DELIVERED = "shipment.delivered.v1";

    private ShipmentEvents() {
    }
}
