package com.example.shop.contracts.customer;

import java.time.Instant;
import java.util.UUID;

/**
 * {@value CustomerEvents#CUSTOMER_DELETED}: the customer closed their account. Every service that keeps
 * personal data about them anonymises or deletes it on this event; records the shop must keep (orders,
 * payments) stay, without the person.
 */
public record CustomerDeleted(UUID customerId, Instant deletedAt) {
}
