package com.example.shop.cart.shopping;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.example.shop.contracts.order.OrderConfirmed;
import com.example.shop.contracts.order.OrderEvents;
import com.example.shop.platform.messaging.Events;

import tools.jackson.databind.json.JsonMapper;

/** The cart reads the customer from order-service's published sample of {@code order.confirmed.v1}. */
class OrderConfirmedContractTests {

    @Test
    void readsTheCustomerWhoseCartToClearFromThePublishedSample() throws IOException {
        String sample;
        try (InputStream in = getClass().getResourceAsStream("/contracts/order-events/order.confirmed.v1.json")) {
            sample = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        var events = new Events(JsonMapper.builder().build());

        var envelope = events.read(sample);
        var confirmed = events.data(envelope, OrderConfirmed.class);

        assertThat(envelope.type()).isEqualTo(OrderEvents.ORDER_CONFIRMED);
        assertThat(confirmed.customerId()).isEqualTo(UUID.fromString("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"));
    }
}
