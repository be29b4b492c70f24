package com.example.shop.notification.email.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.example.shop.notification.email.OrderOutcome;
import com.example.shop.platform.messaging.Events;

import tools.jackson.databind.json.JsonMapper;

/** The consumer side of the contract: order-service's checked-in samples must translate. */
class OrderEventTranslatorTests {

    private final Events events = new Events(JsonMapper.builder().build());

    private static String sample(String type) throws IOException {
        try (InputStream in = OrderEventTranslatorTests.class
                .getResourceAsStream("/contracts/order-events/" + type + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void translatesTheConfirmedSample() throws IOException {
        var outcome = OrderEventTranslator.translate(events, events.read(sample("order.confirmed.v1"))).orElseThrow();

        assertThat(outcome).isInstanceOf(OrderOutcome.Confirmed.class);
        assertThat(outcome.eventId()).isEqualTo(UUID.fromString("0b5d8c8e-7f6a-4f3e-9a51-3d2c1b0a9f8e"));
        assertThat(outcome.orderId()).isEqualTo(UUID.fromString("5f2b7c1e-3a4d-4e6f-8a9b-0c1d2e3f4a5b"));
        assertThat(outcome.customerId()).isEqualTo(UUID.fromString("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"));
        assertThat(outcome.customerEmail()).isEqualTo("ada@example.com");
        assertThat(outcome.total().value()).isEqualByComparingTo(new BigDecimal("59.97"));
        assertThat(outcome.total().currency()).isEqualTo("EUR");
    }

    @Test
    void translatesTheRejectedSampleWithItsReason() throws IOException {
        var outcome = OrderEventTranslator.translate(events, events.read(sample("order.rejected.v1"))).orElseThrow();

        assertThat(outcome).isInstanceOfSatisfying(OrderOutcome.Rejected.class,
                rejected -> assertThat(rejected.reason()).isEqualTo("PAYMENT_DECLINED"));
        assertThat(outcome.total().value()).isEqualByComparingTo(new BigDecimal("19.99"));
    }

    @Test
    void ignoresEventTypesItDoesNotHandle() throws IOException {
        String shipped = sample("order.confirmed.v1").replace("order.confirmed.v1", "order.shipped.v1");

        assertThat(OrderEventTranslator.translate(events, events.read(shipped))).isEmpty();
    }

    @Test
    void treatsAnEventWithoutRecipientAsMalformed() throws IOException {
        String noEmail = sample("order.rejected.v1").replace("\"customerEmail\"", "\"somethingElse\"");

        assertThatThrownBy(() -> OrderEventTranslator.translate(events, events.read(noEmail)))
                .isInstanceOf(Events.MalformedEventException.class);
    }
}
