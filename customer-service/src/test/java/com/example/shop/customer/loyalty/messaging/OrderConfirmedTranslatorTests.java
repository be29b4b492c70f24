package com.example.shop.customer.loyalty.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.example.shop.customer.account.CustomerId;
import com.example.shop.customer.loyalty.QualifyingPurchase;
import com.example.shop.platform.messaging.Events;

import tools.jackson.databind.json.JsonMapper;

/** The consumer side of the contract: the producer's checked-in sample must translate. */
class OrderConfirmedTranslatorTests {

    private final Events events = new Events(JsonMapper.builder().build());

    private static String sample() throws IOException {
        try (InputStream in = OrderConfirmedTranslatorTests.class
                .getResourceAsStream("/contracts/order-events/order.confirmed.v1.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void translatesThePublishedSampleIntoAPurchaseWorth59Points() throws IOException {
        var envelope = events.read(sample());

        QualifyingPurchase purchase = OrderConfirmedTranslator.translate(events, envelope);

        assertThat(purchase.eventId()).isEqualTo(UUID.fromString("0b5d8c8e-7f6a-4f3e-9a51-3d2c1b0a9f8e"));
        assertThat(purchase.orderId()).isEqualTo(UUID.fromString("5f2b7c1e-3a4d-4e6f-8a9b-0c1d2e3f4a5b"));
        assertThat(purchase.customerId())
                .isEqualTo(new CustomerId(UUID.fromString("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d")));
        assertThat(purchase.total()).isEqualByComparingTo(new BigDecimal("59.97"));
        assertThat(purchase.points()).isEqualTo(59);
    }

    @Test
    void toleratesFieldsItDoesNotKnow() throws IOException {
        var envelope = events.read(sample().replace("\"lines\"", "\"giftWrap\": true, \"lines\""));

        assertThat(OrderConfirmedTranslator.translate(events, envelope).points()).isEqualTo(59);
    }

    @Test
    void treatsAnEventWithoutCustomerAsMalformed() throws IOException {
        var envelope = events.read(sample().replace("\"customerId\"", "\"someoneElse\""));

        assertThatThrownBy(() -> OrderConfirmedTranslator.translate(events, envelope))
                .isInstanceOf(Events.MalformedEventException.class);
    }
}
