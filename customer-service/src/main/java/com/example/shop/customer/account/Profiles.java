package com.example.shop.customer.account;

import java.time.Clock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads and changes a customer's own profile. Deleted customers are treated as unknown. */
@Service
public class Profiles {

    private final CustomerRepository customers;
    private final ApplicationEventPublisher events;
    private final Clock clock = Clock.systemUTC();

    Profiles(CustomerRepository customers, ApplicationEventPublisher events) {
        this.customers = customers;
        this.events = events;
    }

    /** @throws CustomerNotFoundException when the customer is unknown or deleted */
    public Customer active(CustomerId id) {
        return customers.findById(id).filter(Customer::active).orElseThrow(() -> new CustomerNotFoundException(id));
    }

    /**
     * Changes the name; the customer events that carry it are written in the same transaction.
     *
     * @throws CustomerNotFoundException when the customer is unknown or deleted
     */
    @Transactional
    public Customer rename(CustomerId id, String name) {
        Customer current = customers.lockActive(id).orElseThrow(() -> new CustomerNotFoundException(id));
        String stripped = name.strip();
        if (stripped.equals(current.name())) {
            return current;
        }
        customers.rename(id, stripped);
        Customer renamed = new Customer(id, current.email(), stripped, current.passwordHash(), current.roles(),
                current.status());
        events.publishEvent(new CustomerRenamed(renamed, clock.instant()));
        return renamed;
    }
}
