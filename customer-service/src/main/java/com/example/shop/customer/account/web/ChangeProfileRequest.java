package com.example.shop.customer.account.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code PATCH /api/customers/me}: the name is the only profile field a customer changes here. */
record ChangeProfileRequest(
        @NotBlank @Size(max = 100)
        @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters") String name) {
}
