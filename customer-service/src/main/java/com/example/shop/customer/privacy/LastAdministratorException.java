package com.example.shop.customer.privacy;

/** Deleting this account would leave the shop without an active administrator. */
public class LastAdministratorException extends RuntimeException {

    public LastAdministratorException() {
        super("The last administrator cannot be deleted");
    }
}
