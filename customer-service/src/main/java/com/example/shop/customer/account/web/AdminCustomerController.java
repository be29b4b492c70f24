package com.example.shop.customer.account.web;

import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.example.shop.customer.account.Customer;
import com.example.shop.customer.account.CustomerRepository;
import com.example.shop.customer.account.Role;

/** Customer search for administrators (role ADMIN, enforced by the security rules on /api/admin/**). */
@RestController
class AdminCustomerController {

    private static final int LIMIT = 100;

    private final CustomerRepository customers;

    AdminCustomerController(CustomerRepository customers) {
        this.customers = customers;
    }

    record AdminCustomerResponse(UUID id, String email, String name, List<String> roles, String status) {
    }

    /** Customers whose e-mail address contains {@code email} (any letter case), newest first, at most 100. */
    @GetMapping("/api/admin/customers")
    List<AdminCustomerResponse> search(@RequestParam(required = false) String email) {
        return customers.search(email, LIMIT).stream().map(AdminCustomerController::response).toList();
    }

    private static AdminCustomerResponse response(Customer customer) {
        return new AdminCustomerResponse(customer.id().value(), customer.email(), customer.name(),
                customer.roles().stream().sorted().map(Role::name).toList(), customer.status().name());
    }
}
