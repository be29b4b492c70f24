package com.example.shop.customer.identity.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Credentials for {@code POST /api/auth/token}. The e-mail address is looked up in PostgreSQL, which refuses NUL
 * in text, so control characters are refused here. A password over 72 bytes needs no check: BCrypt's
 * {@code matches} answers {@code false} for it, and no stored password can be that long.
 */
record TokenRequest(
        @NotBlank @Size(max = 254)
        @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters") String email,
        @NotBlank @Size(max = 72) String password) {
}
