package com.example.shop.customer.account;

import java.time.Clock;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Signs up new customers. */
@Service
public class Registration {

    private final CustomerRepository customers;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;
    private final Clock clock = Clock.systemUTC();

    Registration(CustomerRepository customers, PasswordEncoder passwords, ApplicationEventPublisher events) {
        this.customers = customers;
        this.passwords = passwords;
        this.events = events;
    }

    /**
     * Registers a customer with role {@link Role#CUSTOMER}; their preferences and the
     * {@code customer.registered.v1} event are written in the same transaction (see {@link CustomerSignedUp}).
     *
     * @throws EmailTakenException when the address is registered already, in any letter case; nothing is written
     */
    @Transactional
    public Customer register(String email, String rawPassword, String name, boolean marketingOptIn) {
        var customer = new Customer(CustomerId.random(), email.strip(), name.strip(), passwords.encode(rawPassword),
                Set.of(Role.CUSTOMER));
        if (!customers.insertIfEmailFree(customer)) {
            throw new EmailTakenException(customer.email());
        }
        events.publishEvent(new CustomerSignedUp(customer, marketingOptIn, clock.instant()));
        return customer;
    }
}
