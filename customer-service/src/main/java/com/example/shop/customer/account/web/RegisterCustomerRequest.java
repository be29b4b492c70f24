package com.example.shop.customer.account.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Sign-up data. The password is limited to 72 UTF-8 bytes because BCrypt cannot hash more (Spring Security throws
 * instead of truncating). E-mail and name refuse control characters: PostgreSQL rejects NUL in text, and no
 * address or name legitimately contains a tab, newline or escape character. {@code marketingOptIn} is optional and
 * {@code false} when absent: consent is never assumed.
 */
record RegisterCustomerRequest(
        @NotBlank @Size(max = 254) @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+")
        @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters") String email,
        @NotBlank @Size(min = 8) @MaxUtf8Bytes(72) String password,
        @NotBlank @Size(max = 100)
        @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters") String name,
        Boolean marketingOptIn) {
}
