package com.example.shop.customer.privacy.messaging;

import java.time.Instant;

import org.springframework.stereotype.Component;

import com.example.shop.contracts.customer.CustomerDeleted;
import com.example.shop.contracts.customer.CustomerEvents;
import com.example.shop.customer.account.CustomerId;
import com.example.shop.customer.privacy.DeletionEvents;
import com.example.shop.platform.messaging.Outbox;

/** Writes {@code customer.deleted.v1} to the outbox, keyed by customer id. */
@Component
class OutboxDeletionEvents implements DeletionEvents {

    private final Outbox outbox;

    OutboxDeletionEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    static CustomerDeleted translate(CustomerId customer, Instant at) {
        return new CustomerDeleted(customer.value(), at);
    }

    @Override
    public void deleted(CustomerId customer, Instant at) {
        outbox.publish(CustomerEvents.TOPIC, customer.toString(), CustomerEvents.CUSTOMER_DELETED,
                translate(customer, at));
    }
}
