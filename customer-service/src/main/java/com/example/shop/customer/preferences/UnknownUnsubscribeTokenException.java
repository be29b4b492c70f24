package com.example.shop.customer.preferences;

/** No customer has this unsubscribe token (never issued, or revoked when the account was deleted). */
public class UnknownUnsubscribeTokenException extends RuntimeException {

    public UnknownUnsubscribeTokenException() {
        super("Unknown unsubscribe token");
    }
}
