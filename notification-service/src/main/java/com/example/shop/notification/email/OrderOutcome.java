package com.example.shop.notification.email;

import java.util.Objects;
import java.util.UUID;

/**
 * The final outcome of an order that the customer is told about, as this service sees it.
 */
public sealed interface OrderOutcome {

    /** The event that reported the outcome; one notification per event. */
    UUID eventId();

    UUID orderId();

    UUID customerId();

    String customerEmail();

    Amount total();

    /** The order was confirmed: stock reserved and payment authorised. */
    record Confirmed(UUID eventId, UUID orderId, UUID customerId, String customerEmail, Amount total)
            implements OrderOutcome {

        public Confirmed {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(orderId, "orderId");
            Objects.requireNonNull(customerId, "customerId");
            Objects.requireNonNull(customerEmail, "customerEmail");
            Objects.requireNonNull(total, "total");
        }
    }

    /**
     * The order could not be placed.
     *
     * @param reason order-service's reason code; codes this service does not know are explained generically
     */
    record Rejected(UUID eventId, UUID orderId, UUID customerId, String customerEmail, Amount total, String reason)
            implements OrderOutcome {

        public Rejected {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(orderId, "orderId");
            Objects.requireNonNull(customerId, "customerId");
            Objects.requireNonNull(customerEmail, "customerEmail");
            Objects.requireNonNull(total, "total");
        }
    }
}
