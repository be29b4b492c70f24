package com.example.shop.customer.account;

import java.util.Set;

/**
 * A registered customer. The password hash never leaves this package's repository and application service.
 */
public record Customer(CustomerId id, String email, String name, String passwordHash, Set<Role> roles) {

    public Customer {
        roles = Set.copyOf(roles);
    }
}
