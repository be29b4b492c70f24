package com.example.shop.customer.privacy;

import java.time.Instant;

import com.example.shop.customer.account.CustomerId;

/** Publishes {@code customer.deleted.v1}; called inside the deletion's transaction (outbox). */
public interface DeletionEvents {

    void deleted(CustomerId customer, Instant at);
}
