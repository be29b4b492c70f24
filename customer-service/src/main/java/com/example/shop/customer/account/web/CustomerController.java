package com.example.shop.customer.account.web;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.ErrorResponse;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
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
        CustomerId id = customerOf(jwt);
        Customer customer = customers.findById(id).orElseThrow(CustomerGoneException::new);
        return new MeResponse(customer.id().value(), customer.email(), customer.name(),
                new MeResponse.Loyalty(loyalty.balance(id)));
    }

    /**
     * The resource that registration's {@code Location} names. Only the customer themself and administrators
     * see it; anyone else gets the same 404 as for an unknown id, so ids cannot be probed for existence.
     */
    @GetMapping("/api/customers/{id}")
    CustomerResponse customer(@PathVariable UUID id, JwtAuthenticationToken caller) {
        var requested = new CustomerId(id);
        boolean admin = caller.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
        if (!admin && !requested.equals(customerOf(caller.getToken()))) {
            throw new CustomerNotFoundException();
        }
        Customer customer = customers.findById(requested).orElseThrow(CustomerNotFoundException::new);
        return new CustomerResponse(customer.id().value(), customer.email(), customer.name());
    }

    /**
     * The customer a token speaks for. A token signed by this service always has a customer id as subject; one
     * that does not is refused as forbidden rather than failing with 500.
     */
    static CustomerId customerOf(Jwt jwt) {
        try {
            return new CustomerId(UUID.fromString(jwt.getSubject()));
        }
        catch (IllegalArgumentException | NullPointerException ex) {
            throw new ErrorResponseException(HttpStatus.FORBIDDEN,
                    ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "The token does not name a customer."),
                    ex);
        }
    }

    /** No customer with this id, or not one the caller may see. */
    static final class CustomerNotFoundException extends ErrorResponseException {
        CustomerNotFoundException() {
            super(HttpStatus.NOT_FOUND);
            setDetail("No such customer.");
        }
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
