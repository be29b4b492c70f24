package com.example.shop.shipping.shipments;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.example.shop.contracts.customer.CustomerDeleted;
import com.example.shop.contracts.customer.CustomerEvents;
import com.example.shop.platform.messaging.Events;

import tools.jackson.databind.json.JsonMapper;

/** shipping-service reads whose shipments to anonymise from customer-service's sample of {@code customer.deleted.v1}. */
class CustomerDeletedContractTests {

    @Test
    void readsTheDeletedCustomerFromThePublishedSample() throws IOException {
        String sample;
        try (InputStream in = getClass().getResourceAsStream("/contracts/customer-events/customer.deleted.v1.json")) {
            sample = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        var events = new Events(JsonMapper.builder().build());

        var envelope = events.read(sample);
        var deleted = events.data(envelope, CustomerDeleted.class);

        assertThat(envelope.type()).isEqualTo(CustomerEvents.CUSTOMER_DELETED);
        assertThat(deleted.customerId()).isEqualTo(UUID.fromString("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"));
        assertThat(deleted.deletedAt()).isNotNull();
    }
}
