package com.example.shop.payment.payments.client;

/** The provider answered with a status that says "try again" (5xx, 429, 409); retried, then Unavailable. */
public class ProviderFailure extends RuntimeException {

    ProviderFailure(int status) {
        super("The provider answered " + status, null, false, false);
    }
}
