package com.example.shop.customer.account;

import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Makes sure the configured administrator exists at every start, with the configured password, so an operator
 * can always log in and a changed {@code SHOP_ADMIN_PASSWORD} takes effect on the next start.
 */
@Component
class AdminAccount implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminAccount.class);

    private final CustomerRepository customers;
    private final PasswordEncoder passwords;
    private final AdminProperties admin;

    AdminAccount(CustomerRepository customers, PasswordEncoder passwords, AdminProperties admin) {
        this.customers = customers;
        this.passwords = passwords;
        this.admin = admin;
    }

    @Override
    public void run(ApplicationArguments args) {
        Customer stored = customers.upsertByEmail(new Customer(CustomerId.random(), admin.email().strip(),
                "Administrator", passwords.encode(admin.password()), Set.of(Role.CUSTOMER, Role.ADMIN)));
        log.info("Admin account {} exists (id {})", stored.email(), stored.id());
    }
}
