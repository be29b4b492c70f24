package com.example.shop.customer.account;

import java.util.Set;

/**
 * A registered customer. The password hash never leaves this package's repository and application service.
 * A deleted customer keeps its id but nothing else that names the person ({@link CustomerStatus#DELETED}).
 */
public record Customer(CustomerId id, String email, String name, String passwordHash, Set<Role> roles,
        CustomerStatus status) {

    public Customer {
        roles = Set.copyOf(roles);
    }

    public Customer(CustomerId id, String email, String name, String passwordHash, Set<Role> roles) {
        this(id, email, name, passwordHash, roles, CustomerStatus.ACTIVE);
    }

    public boolean active() {
        return status == CustomerStatus.ACTIVE;
    }

    public boolean admin() {
        return roles.contains(Role.ADMIN);
    }
}
