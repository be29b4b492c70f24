package com.example.shop.contracts.customer;

/**
 * The published contract of customer-service's CRM: one topic keyed by customer id, and the stable wire type
 * of each event. Consumers switch on the type and ignore types they do not know.
 */
public final class CustomerEvents {

    /** Topic of customer events; the Kafka key is the customer id. */
    public static final String TOPIC = "customer-events";

    public static final String CUSTOMER_REGISTERED = "customer.registered.v1";
    public static final String CUSTOMER_PREFERENCES_CHANGED = "customer.preferences_changed.v1";
    public static final String CUSTOMER_DELETED = "customer.deleted.v1";

    private CustomerEvents() {
    }
}
