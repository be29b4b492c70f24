package com.example.shop.customer.account;

/** No active customer with this id: unknown, or deleted. */
public class CustomerNotFoundException extends RuntimeException {

    public CustomerNotFoundException(CustomerId id) {
        super("No active customer " + id);
    }
}
