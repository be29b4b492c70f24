package com.example.shop.customer.account;

/** Whether an account is in use or was deleted (anonymised) at the customer's request. */
public enum CustomerStatus {
    ACTIVE, DELETED
}
