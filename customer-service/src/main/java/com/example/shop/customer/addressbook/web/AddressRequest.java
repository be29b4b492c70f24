package com.example.shop.customer.addressbook.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An address as the customer sends it. No field may hold control characters (PostgreSQL refuses NUL, and no
 * address line legitimately contains a tab or newline). {@code country} is ISO 3166-1 alpha-2; its existence is
 * checked against the JDK's list of ISO countries.
 */
record AddressRequest(
        @NotBlank @Size(max = 50) @Pattern(regexp = NO_CONTROL, message = CONTROL_MESSAGE) String label,
        @NotBlank @Size(max = 100) @Pattern(regexp = NO_CONTROL, message = CONTROL_MESSAGE) String name,
        @NotBlank @Size(max = 200) @Pattern(regexp = NO_CONTROL, message = CONTROL_MESSAGE) String line1,
        @Size(max = 200) @Pattern(regexp = NO_CONTROL, message = CONTROL_MESSAGE) String line2,
        @NotBlank @Size(max = 100) @Pattern(regexp = NO_CONTROL, message = CONTROL_MESSAGE) String city,
        @NotBlank @Size(max = 20) @Pattern(regexp = "[A-Za-z0-9 -]*", message = "letters, digits, spaces and hyphens only") String postalCode,
        @NotBlank @Pattern(regexp = "[A-Za-z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String country,
        @Pattern(regexp = "\\+?[0-9 ()/-]{3,30}", message = "must be a phone number") String phone,
        Boolean defaultShipping) {

    static final String NO_CONTROL = "[^\\p{Cntrl}]*";
    static final String CONTROL_MESSAGE = "must not contain control characters";
}
