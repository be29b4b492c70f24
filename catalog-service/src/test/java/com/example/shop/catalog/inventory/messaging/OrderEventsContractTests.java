package com.example.shop.catalog.inventory.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

import com.example.shop.contracts.order.OrderCancelled;
import com.example.shop.contracts.order.OrderConfirmed;
import com.example.shop.contracts.order.OrderEvents;
import com.example.shop.contracts.order.OrderReturnReceived;
import com.example.shop.contracts.order.OrderShipped;
import com.example.shop.platform.messaging.EventEnvelope;
import com.example.shop.platform.messaging.Events;

/** The samples order-service publishes against, read the way the listener reads them. */
class OrderEventsContractTests {

    private static final UUID ORDER = UUID.fromString("5f2b7c1e-3a4d-4e6f-8a9b-0c1d2e3f4a5b");

    private final Events events = new Events(JsonMapper.builder().build());

    @Test
    void readsTheOrderOfConfirmedShippedAndCancelledSamples() throws IOException {
        assertThat(events.data(sample(OrderEvents.ORDER_CONFIRMED), OrderConfirmed.class).orderId()).isEqualTo(ORDER);
        assertThat(events.data(sample(OrderEvents.ORDER_SHIPPED), OrderShipped.class).orderId()).isEqualTo(ORDER);
        assertThat(events.data(sample(OrderEvents.ORDER_CANCELLED), OrderCancelled.class).orderId()).isEqualTo(ORDER);
    }

    @Test
    void readsTheReturnIdLinesAndRestockFlagOfTheReturnReceivedSample() throws IOException {
        OrderReturnReceived received = events.data(sample(OrderEvents.ORDER_RETURN_RECEIVED), OrderReturnReceived.class);

        assertThat(received.orderId()).isEqualTo(ORDER);
        assertThat(received.returnId()).isEqualTo(UUID.fromString("3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f"));
        assertThat(received.restocked()).isTrue();
        assertThat(received.lines()).singleElement().satisfies(line -> {
            assertThat(line.productId()).isEqualTo(UUID.fromString("1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f"));
            assertThat(line.quantity()).isEqualTo(1);
        });
    }

    private EventEnvelope sample(String type) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/contracts/order-events/" + type + ".json")) {
            assertThat(in).as(type).isNotNull();
            EventEnvelope envelope = events.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            assertThat(envelope.type()).isEqualTo(type);
            return envelope;
        }
    }
}
