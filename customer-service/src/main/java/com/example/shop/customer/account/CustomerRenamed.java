package com.example.shop.customer.account;

import java.time.Instant;

/**
 * Published in-process, inside the transaction that changed the name, so that the customer events that carry
 * the name (preferences changed) follow in the same transaction.
 */
public record CustomerRenamed(Customer customer, Instant at) {
}
