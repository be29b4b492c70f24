package com.example.shop.customer.account;

/** What a customer may do; carried as the {@code roles} claim of the tokens. */
public enum Role {
    CUSTOMER, ADMIN
}
