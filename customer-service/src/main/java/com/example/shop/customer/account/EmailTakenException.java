package com.example.shop.customer.account;

/** Registration with an e-mail address that another customer already uses. */
public class EmailTakenException extends RuntimeException {

    public EmailTakenException(String email) {
        super("E-mail address already registered: " + email);
    }
}
