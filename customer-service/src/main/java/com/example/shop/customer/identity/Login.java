package com.example.shop.customer.identity;

import java.util.Optional;
import java.util.UUID;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import com.example.shop.customer.account.Customer;
import com.example.shop.customer.account.CustomerRepository;

/** Exchanges an e-mail address and password for an access token. */
@Service
public class Login {

    private final CustomerRepository customers;
    private final PasswordEncoder passwords;
    private final TokenIssuer tokens;
    /** Checked against when the address is unknown, so both failures take as long as a real check. */
    private final String decoyHash;

    Login(CustomerRepository customers, PasswordEncoder passwords, TokenIssuer tokens) {
        this.customers = customers;
        this.passwords = passwords;
        this.tokens = tokens;
        this.decoyHash = passwords.encode(UUID.randomUUID().toString());
    }

    /**
     * @throws InvalidCredentialsException when the address is unknown, the password does not match or the
     *     account was deleted
     */
    public AccessToken login(String email, String rawPassword) {
        Optional<Customer> customer = customers.findByEmail(email.strip());
        String hash = customer.map(Customer::passwordHash).orElse(decoyHash);
        boolean matches = passwords.matches(rawPassword, hash);
        // A deleted account answers like a wrong password (its hash matches nothing anyway).
        if (customer.isEmpty() || !matches || !customer.get().active()) {
            throw new InvalidCredentialsException();
        }
        return tokens.issue(customer.get());
    }
}
