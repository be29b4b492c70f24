package com.example.shop.customer.identity;

/** Unknown e-mail address or wrong password; deliberately does not say which. */
public class InvalidCredentialsException extends RuntimeException {

    public InvalidCredentialsException() {
        super("Unknown e-mail address or wrong password");
    }
}
