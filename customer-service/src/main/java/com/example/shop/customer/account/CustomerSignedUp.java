package com.example.shop.customer.account;

import java.time.Instant;

/**
 * Published in-process, inside the registration's transaction, so that the features that keep something per
 * customer (preferences) set it up in the same transaction and the registration is all or nothing.
 *
 * @param marketingOptIn the consent given in the sign-up form
 */
public record CustomerSignedUp(Customer customer, boolean marketingOptIn, Instant at) {
}
