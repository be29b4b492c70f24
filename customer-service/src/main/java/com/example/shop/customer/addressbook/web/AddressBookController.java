package com.example.shop.customer.addressbook.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.ErrorResponse;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.example.shop.customer.account.web.Callers;
import com.example.shop.customer.addressbook.AddressBook;
import com.example.shop.customer.addressbook.AddressBookFullException;
import com.example.shop.customer.addressbook.AddressDetails;
import com.example.shop.customer.addressbook.AddressId;
import com.example.shop.customer.addressbook.AddressNotFoundException;

/** The caller's address book. */
@RestController
@RequestMapping("/api/customers/me/addresses")
class AddressBookController {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final AddressBook book;

    AddressBookController(AddressBook book) {
        this.book = book;
    }

    @GetMapping
    List<AddressResponse> list(@AuthenticationPrincipal Jwt jwt) {
        return book.of(Callers.customerOf(jwt)).stream().map(AddressResponse::of).toList();
    }

    @PostMapping
    ResponseEntity<AddressResponse> add(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody AddressRequest request) {
        var address = book.add(Callers.customerOf(jwt), details(request));
        return ResponseEntity.created(URI.create("/api/customers/me/addresses/" + address.id()))
                .body(AddressResponse.of(address));
    }

    @PutMapping("/{id}")
    AddressResponse replace(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id,
            @Valid @RequestBody AddressRequest request) {
        return AddressResponse.of(book.replace(Callers.customerOf(jwt), new AddressId(id), details(request)));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> remove(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
        book.remove(Callers.customerOf(jwt), new AddressId(id));
        return ResponseEntity.noContent().build();
    }

    private static AddressDetails details(AddressRequest request) {
        String country = request.country().toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(country)) {
            var problem = new ErrorResponseException(HttpStatus.BAD_REQUEST);
            problem.setDetail("country must be an ISO 3166-1 alpha-2 code; " + country + " is none.");
            throw problem;
        }
        return new AddressDetails(request.label().strip(), request.name().strip(), request.line1().strip(),
                blankToNull(request.line2()), request.city().strip(), request.postalCode().strip(), country,
                blankToNull(request.phone()), Boolean.TRUE.equals(request.defaultShipping()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @ExceptionHandler(AddressBookFullException.class)
    ErrorResponse full(AddressBookFullException ex) {
        return ErrorResponse.create(ex, HttpStatus.UNPROCESSABLE_CONTENT,
                "The address book holds " + AddressBook.MAX_ADDRESSES + " addresses already; remove one first.");
    }

    @ExceptionHandler(AddressNotFoundException.class)
    ErrorResponse notFound(AddressNotFoundException ex) {
        return ErrorResponse.create(ex, HttpStatus.NOT_FOUND, "No such address in your address book.");
    }
}
