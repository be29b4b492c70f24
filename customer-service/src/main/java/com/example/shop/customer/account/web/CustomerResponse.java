package com.example.shop.customer.account.web;

import java.util.UUID;

/** A customer as the API shows it, without any credentials. */
record CustomerResponse(UUID id, String email, String name) {
}
