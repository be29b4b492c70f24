package com.example.shop.customer.privacy.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.example.shop.contracts.customer.CustomerEvents;
import com.example.shop.customer.ContractSamples;
import com.example.shop.customer.account.CustomerId;

class DeletionEventsContractTests {

    @Test
    void publishesTheDeletionAsTheSampleShowsIt() {
        var ada = new CustomerId(UUID.fromString("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"));

        var published = ContractSamples.published(CustomerEvents.CUSTOMER_DELETED, ada.toString(),
                OutboxDeletionEvents.translate(ada, Instant.parse("2026-12-01T12:00:00Z")));

        assertThat(published).isEqualTo(ContractSamples.sample(CustomerEvents.TOPIC, CustomerEvents.CUSTOMER_DELETED));
    }
}
