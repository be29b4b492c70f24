package com.example.shop.notification.recipient;

/**
 * What a mail is about, as the customer's preferences name it; each topic has its own channels and its own
 * unsubscribe link.
 */
public enum Topic {
    /** Mails about the account itself (welcome); they carry no unsubscribe link. */
    ACCOUNT,
    ORDER_UPDATES,
    /** Marketing: sent only with the customer's marketing consent. */
    CART_REMINDERS,
    SURVEYS;

    /** Whether the mail is marketing, which needs consent besides the topic's channels. */
    public boolean isMarketing() {
        return this == CART_REMINDERS;
    }
}
