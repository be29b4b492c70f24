package com.example.shop.notification.email.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.example.shop.notification.email.Amount;
import com.example.shop.notification.email.NotificationType;
import com.example.shop.notification.email.Occasion;
import com.example.shop.platform.messaging.Events;

/** The consumer side of the contract: order-service's checked-in samples must translate. */
class OrderEventTranslatorTests {

    private final Events events = Samples.events();

    private Occasion translate(String type) {
        return OrderEventTranslator.translate(events, events.read(Samples.json("order-events", type))).orElseThrow();
    }

    @Test
    void translatesTheConfirmedSampleWithLinesDiscountAndAmountDue() {
        var confirmed = (Occasion.OrderConfirmed) translate("order.confirmed.v1");

        assertThat(confirmed.eventId()).isEqualTo(UUID.fromString("0b5d8c8e-7f6a-4f3e-9a51-3d2c1b0a9f8e"));
        assertThat(confirmed.orderId()).isEqualTo(UUID.fromString("5f2b7c1e-3a4d-4e6f-8a9b-0c1d2e3f4a5b"));
        assertThat(confirmed.customerId()).isEqualTo(UUID.fromString("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"));
        assertThat(confirmed.email()).isEqualTo("ada@example.com");
        assertThat(confirmed.total()).isEqualTo(new Amount(new BigDecimal("59.97"), "EUR"));
        assertThat(confirmed.discount().isZero()).isTrue();
        assertThat(confirmed.amountDue()).isEqualTo(new Amount(new BigDecimal("59.97"), "EUR"));
        assertThat(confirmed.lines()).singleElement().satisfies(line -> {
            assertThat(line.name()).isEqualTo("Enamel mug");
            assertThat(line.quantity()).isEqualTo(3);
        });
        assertThat(confirmed.type()).isEqualTo(NotificationType.ORDER_CONFIRMED);
    }

    @Test
    void translatesTheRejectedSampleWithItsReason() {
        var rejected = (Occasion.OrderRejected) translate("order.rejected.v1");

        assertThat(rejected.reason()).isEqualTo("PAYMENT_DECLINED");
        assertThat(rejected.total().value()).isEqualByComparingTo(new BigDecimal("19.99"));
    }

    @Test
    void translatesTheCancelledSample() {
        var cancelled = (Occasion.OrderCancelled) translate("order.cancelled.v1");

        assertThat(cancelled.cancelledBy()).isEqualTo("CUSTOMER");
        assertThat(cancelled.lines()).hasSize(1);
        assertThat(cancelled.type()).isEqualTo(NotificationType.ORDER_CANCELLED);
    }

    @Test
    void translatesTheShippedSampleWithCarrierAndTracking() {
        var shipped = (Occasion.OrderShipped) translate("order.shipped.v1");

        assertThat(shipped.carrier()).isEqualTo("PARCELCO");
        assertThat(shipped.trackingNumber()).isEqualTo("PC123456789NL");
        assertThat(shipped.trackingUrl()).isEqualTo("http://localhost:8091/track/PC123456789NL");
    }

    @Test
    void translatesTheRefundedSampleWithAmountAndReturnedLines() {
        var refunded = (Occasion.OrderRefunded) translate("order.refunded.v1");

        assertThat(refunded.amount()).isEqualTo(new Amount(new BigDecimal("19.99"), "EUR"));
        assertThat(refunded.totalRefunded()).isEqualTo(new Amount(new BigDecimal("19.99"), "EUR"));
        assertThat(refunded.lines()).singleElement().satisfies(line -> assertThat(line.quantity()).isEqualTo(1));
    }

    @Test
    void ignoresOrderEventsItDoesNotMailAbout() {
        for (String type : new String[] { "order.delivered.v1", "order.return_requested.v1",
                "order.return_received.v1", "order.returned.v1" }) {
            assertThat(OrderEventTranslator.translate(events, events.read(Samples.json("order-events", type))))
                    .as(type).isEmpty();
        }
    }

    @Test
    void treatsAnEventWithoutRecipientAsMalformed() {
        String noEmail = Samples.json("order-events", "order.rejected.v1").replace("\"customerEmail\"", "\"x\"");

        assertThatThrownBy(() -> OrderEventTranslator.translate(events, events.read(noEmail)))
                .isInstanceOf(Events.MalformedEventException.class);
    }

    @Test
    void treatsAShipmentWithoutTrackingNumberAsMalformed() {
        String noTracking = Samples.json("order-events", "order.shipped.v1").replace("\"trackingNumber\"", "\"x\"");

        assertThatThrownBy(() -> OrderEventTranslator.translate(events, events.read(noTracking)))
                .isInstanceOf(Events.MalformedEventException.class);
    }

    @Test
    void treatsDataOfTheWrongShapeAsMalformed() {
        String wrongShape = Samples.json("order-events", "order.confirmed.v1")
                .replace("\"quantity\": 3", "\"quantity\": \"three\"");

        assertThatThrownBy(() -> OrderEventTranslator.translate(events, events.read(wrongShape)))
                .isInstanceOf(Events.MalformedEventException.class);
    }
}
