package com.example.shop.customer.account.web;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.ErrorResponse;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.example.shop.customer.account.Customer;
import com.example.shop.customer.account.CustomerId;
import com.example.shop.customer.account.CustomerRepository;
import com.example.shop.customer.account.EmailTakenException;
import com.example.shop.customer.account.Registration;
import com.example.shop.customer.loyalty.LoyaltyAccounts;

@RestController
class CustomerController {

    private final Registration registration;
    private final CustomerRepository customers;
    private final LoyaltyAccounts loyalty;

    CustomerController(Registration registration, CustomerRepository customers, LoyaltyAccounts loyalty) {
        this.registration = registration;
        this.customers = customers;
        this.loyalty = loyalty;
    }

    @PostMapping("/api/customers")
    ResponseEntity<CustomerResponse> register(@Valid @RequestBody RegisterCustomerRequest request) {
        Customer customer = registration.register(request.email(), request.password(), request.name());
        return ResponseEntity.created(URI.create("/api/customers/" + customer.id()))
                .body(new CustomerResponse(customer.id().value(), customer.email(), customer.name()));
    }

    @GetMapping("/api/customers/me")
    MeResponse me(@AuthenticationPrincipal Jwt jwt) {
        var id = new CustomerId(UUID.fromString(jwt.getSubject()));
        Customer customer = customers.findById(id).orElseThrow(CustomerGoneException::new);
        return new MeResponse(customer.id().value(), customer.email(), customer.name(),
                new MeResponse.Loyalty(loyalty.balance(id)));
    }

    /** A valid token whose customer no longer exists. */
    static final class CustomerGoneException extends ErrorResponseException {
        CustomerGoneException() {
            super(HttpStatus.NOT_FOUND);
            setDetail("The customer of this token no longer exists.");
        }
    }

    @ExceptionHandler(EmailTakenException.class)
    ErrorResponse emailTaken(EmailTakenException ex) {
        return ErrorResponse.create(ex, HttpStatus.CONFLICT, "This e-mail address is already registered.");
    }
}
