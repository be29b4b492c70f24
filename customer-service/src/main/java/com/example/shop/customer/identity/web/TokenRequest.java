package com.example.shop.customer.identity.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Credentials for {@code POST /api/auth/token}. */
record TokenRequest(@NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 72) String password) {
}
