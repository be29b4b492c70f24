package com.example.shop.notification.email.messaging;

import java.util.UUID;

import com.example.shop.notification.email.Occasion;
import com.example.shop.notification.recipient.Recipient;

/** What a customer event means here. */
sealed interface CustomerChange {

    /** A new account: a directory entry and a welcome mail. */
    record Registered(Recipient recipient, Occasion.Welcome welcome) implements CustomerChange {
    }

    /** New preferences (the whole state) for the directory. */
    record PreferencesChanged(Recipient recipient) implements CustomerChange {
    }

    /** The account was deleted: forget the customer. */
    record Deleted(UUID customerId) implements CustomerChange {
    }
}
