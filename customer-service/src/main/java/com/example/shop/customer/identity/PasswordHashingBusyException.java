package com.example.shop.customer.identity;

import java.time.Duration;

/** More logins and sign-ups at once than the cores can hash within the wait allowed: try again shortly. */
public class PasswordHashingBusyException extends RuntimeException {

    public PasswordHashingBusyException(Duration waited) {
        super("too many logins and sign-ups at once: waited " + waited.toMillis() + " ms for a turn to check a password");
    }
}
