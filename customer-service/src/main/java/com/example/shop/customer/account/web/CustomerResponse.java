package com.example.shop.customer.account.web;

import java.util.UUID;

import com.example.shop.customer.account.Customer;

/** A customer as the API shows it, without any credentials. */
record CustomerResponse(UUID id, String email, String name) {

    static CustomerResponse of(Customer customer) {
        return new CustomerResponse(customer.id().value(), customer.email(), customer.name());
    }
}
