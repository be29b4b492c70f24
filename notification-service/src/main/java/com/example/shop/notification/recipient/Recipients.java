package com.example.shop.notification.recipient;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The recipient directory: a projection of customer-service's registrations and preference changes, the latest
 * by event time winning. Customers who deleted their account stay forgotten.
 */
@Service
public class Recipients {

    private final RecipientRepository repository;

    Recipients(RecipientRepository repository) {
        this.repository = repository;
    }

    /**
     * Takes a published state of the customer's address and preferences, unless a newer one is known or the
     * customer has deleted their account.
     *
     * @return {@code true} when the state was taken
     */
    @Transactional
    public boolean apply(Recipient recipient) {
        if (repository.isForgotten(recipient.customerId())) {
            return false;
        }
        return repository.upsertIfNewer(recipient);
    }

    public Optional<Recipient> find(UUID customerId) {
        return repository.find(customerId);
    }

    public boolean isForgotten(UUID customerId) {
        return repository.isForgotten(customerId);
    }

    /** Drops what is known about the customer and remembers that nothing may be sent to them any more. */
    @Transactional
    public void forget(UUID customerId) {
        repository.forget(customerId);
    }
}
