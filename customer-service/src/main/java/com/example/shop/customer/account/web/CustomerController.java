package com.example.shop.customer.account.web;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.ErrorResponse;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.example.shop.customer.account.Customer;
import com.example.shop.customer.account.CustomerId;
import com.example.shop.customer.account.CustomerRepository;
import com.example.shop.customer.account.EmailTakenException;
import com.example.shop.customer.account.Profiles;
import com.example.shop.customer.account.Registration;

@RestController
class CustomerController {

    private final Registration registration;
    private final Profiles profiles;
    private final CustomerRepository customers;

    CustomerController(Registration registration, Profiles profiles, CustomerRepository customers) {
        this.registration = registration;
        this.profiles = profiles;
        this.customers = customers;
    }

    @PostMapping("/api/customers")
    ResponseEntity<CustomerResponse> register(@Valid @RequestBody RegisterCustomerRequest request) {
        Customer customer = registration.register(request.email(), request.password(), request.name(),
                Boolean.TRUE.equals(request.marketingOptIn()));
        return ResponseEntity.created(URI.create("/api/customers/" + customer.id()))
                .body(CustomerResponse.of(customer));
    }

    @GetMapping("/api/customers/me")
    CustomerResponse me(@AuthenticationPrincipal Jwt jwt) {
        return CustomerResponse.of(profiles.active(Callers.customerOf(jwt)));
    }

    @PatchMapping("/api/customers/me")
    CustomerResponse changeProfile(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody ChangeProfileRequest request) {
        return CustomerResponse.of(profiles.rename(Callers.customerOf(jwt), request.name()));
    }

    /**
     * The resource that registration's {@code Location} names. Only the customer themself and administrators
     * see it; anyone else gets the same 404 as for an unknown id, so ids cannot be probed for existence.
     */
    @GetMapping("/api/customers/{id}")
    CustomerResponse customer(@PathVariable UUID id, JwtAuthenticationToken caller) {
        var requested = new CustomerId(id);
        boolean admin = caller.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
        if (!admin && !requested.equals(Callers.customerOf(caller.getToken()))) {
            throw new CustomerNotFoundException();
        }
        Customer customer = customers.findById(requested).filter(Customer::active)
                .orElseThrow(CustomerNotFoundException::new);
        return CustomerResponse.of(customer);
    }

    /** No customer with this id, or not one the caller may see. */
    static final class CustomerNotFoundException extends ErrorResponseException {
        CustomerNotFoundException() {
            super(HttpStatus.NOT_FOUND);
            setDetail("No such customer.");
        }
    }

    @ExceptionHandler(EmailTakenException.class)
    ErrorResponse emailTaken(EmailTakenException ex) {
        return ErrorResponse.create(ex, HttpStatus.CONFLICT, "This e-mail address is already registered.");
    }
}
