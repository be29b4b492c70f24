package com.example.shop.customer.preferences;

/** Who changed the preferences, for the consent history. */
public enum ConsentSource {
    /** The sign-up form. */
    REGISTRATION,
    /** The customer, through their profile. */
    CUSTOMER,
    /** Someone holding the customer's unsubscribe link (an e-mail client's one-click unsubscribe, too). */
    UNSUBSCRIBE_LINK,
    /** Defaults given to an account created before preferences existed (for example the configured admin). */
    DEFAULTS
}
