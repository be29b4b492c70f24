package com.example.shop.loyalty.points.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.example.shop.contracts.customer.CustomerDeleted;
import com.example.shop.contracts.customer.CustomerEvents;
import com.example.shop.contracts.order.OrderCancelled;
import com.example.shop.contracts.order.OrderEvents;
import com.example.shop.contracts.order.OrderRefunded;
import com.example.shop.platform.messaging.EventEnvelope;
import com.example.shop.platform.messaging.Events;
import com.example.shop.platform.testsupport.SampleEvents;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The consumer side of the contracts: the producers' own samples read into the programme's view. */
class OrderEventsTranslatorTests {

    private final Events events = new Events(JsonMapper.builder().build());

    private EventEnvelope envelope(ObjectNode sample) {
        return events.read(SampleEvents.toJson(sample));
    }

    private static ObjectNode sample(String topic, String type) {
        return SampleEvents.load(topic, type, UUID.randomUUID().toString());
    }

    @Test
    void readsTheConfirmedSample() {
        EventEnvelope event = envelope(sample(OrderEvents.TOPIC, OrderEvents.ORDER_CONFIRMED));

        var confirmation = OrderEventsTranslator.confirmation(event, events.data(event, OrderConfirmedView.class));

        assertThat(confirmation.eventId()).isEqualTo(event.id());
        assertThat(confirmation.amountDue().amount()).isEqualByComparingTo("59.97");
        assertThat(confirmation.amountDue().currency()).isEqualTo("EUR");
        assertThat(confirmation.pointsRedeemed()).isZero();
    }

    @Test
    void readsAConfirmationFromBeforeCheckoutDiscountsAsPaidInFull() {
        ObjectNode old = sample(OrderEvents.TOPIC, OrderEvents.ORDER_CONFIRMED);
        SampleEvents.data(old).remove("amountDue");
        SampleEvents.data(old).remove("discount");
        SampleEvents.data(old).remove("pointsRedeemed");
        EventEnvelope event = envelope(old);

        var confirmation = OrderEventsTranslator.confirmation(event, events.data(event, OrderConfirmedView.class));

        assertThat(confirmation.amountDue().amount()).isEqualByComparingTo("59.97");
        assertThat(confirmation.pointsRedeemed()).isZero();
    }

    @Test
    void readsTheCancelledRefundedAndCustomerDeletedSamples() {
        EventEnvelope cancelled = envelope(sample(OrderEvents.TOPIC, OrderEvents.ORDER_CANCELLED));
        EventEnvelope refunded = envelope(sample(OrderEvents.TOPIC, OrderEvents.ORDER_REFUNDED));
        EventEnvelope deleted = envelope(sample(CustomerEvents.TOPIC, CustomerEvents.CUSTOMER_DELETED));

        var cancellation = OrderEventsTranslator.cancellation(cancelled, events.data(cancelled, OrderCancelled.class));
        var refund = OrderEventsTranslator.refund(refunded, events.data(refunded, OrderRefunded.class));

        assertThat(cancellation.orderId().value()).isEqualTo(UUID.fromString("5f2b7c1e-3a4d-4e6f-8a9b-0c1d2e3f4a5b"));
        assertThat(refund.refundKey()).isEqualTo(UUID.fromString("3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f"));
        assertThat(refund.amount()).isEqualByComparingTo("19.99");
        assertThat(refund.totalRefunded()).isEqualByComparingTo("19.99");
        assertThat(refund.linesValue()).isEqualByComparingTo(new BigDecimal("19.99"));
        assertThat(events.data(deleted, CustomerDeleted.class).customerId()).isNotNull();
    }

    @Test
    void refusesAConfirmationWithoutACustomerAsMalformed() {
        ObjectNode broken = sample(OrderEvents.TOPIC, OrderEvents.ORDER_CONFIRMED);
        SampleEvents.data(broken).remove("customerId");
        EventEnvelope event = envelope(broken);

        assertThatThrownBy(() -> OrderEventsTranslator.confirmation(event, events.data(event, OrderConfirmedView.class)))
                .isInstanceOf(Events.MalformedEventException.class);
    }
}
