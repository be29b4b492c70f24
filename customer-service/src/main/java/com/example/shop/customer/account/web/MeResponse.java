package com.example.shop.customer.account.web;

import java.util.UUID;

/** The caller's own profile with the loyalty balance. */
record MeResponse(UUID id, String email, String name, Loyalty loyalty) {

    record Loyalty(long points) {
    }
}
