package com.example.shop.customer.account;

import java.util.Set;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** Signs up new customers. */
@Service
public class Registration {

    private final CustomerRepository customers;
    private final PasswordEncoder passwords;

    Registration(CustomerRepository customers, PasswordEncoder passwords) {
        this.customers = customers;
        this.passwords = passwords;
    }

    /**
     * Registers a customer with role {@link Role#CUSTOMER}.
     *
     * @throws EmailTakenException when the address is registered already, in any letter case; nothing is written
     */
    public Customer register(String email, String rawPassword, String name) {
        var customer = new Customer(CustomerId.random(), email.strip(), name.strip(), passwords.encode(rawPassword),
                Set.of(Role.CUSTOMER));
        if (!customers.insertIfEmailFree(customer)) {
            throw new EmailTakenException(customer.email());
        }
        return customer;
    }
}
