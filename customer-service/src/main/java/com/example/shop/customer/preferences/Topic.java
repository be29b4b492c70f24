package com.example.shop.customer.preferences;

/** What a message is about; each topic has its own channels. */
public enum Topic {
    /** Welcome and other account mails; they carry no unsubscribe link. */
    ACCOUNT,
    /** Confirmed, rejected, shipped, refunded orders. */
    ORDER_UPDATES,
    /** Reminders of abandoned carts; marketing, so sent only with marketing consent. */
    CART_REMINDERS,
    /** Satisfaction surveys after delivery. */
    SURVEYS
}
