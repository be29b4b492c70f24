package com.example.shop.order.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.example.shop.contracts.order.OrderEvents;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The events order-service publishes match the samples in {@code platform/order-events}, which is what the
 * consumers test against. Ids and times differ from the samples by nature and are left out of the comparison.
 */
class OrderEventsContractTests {

    /** Serialises the data the way the outbox does: Boot's JsonMapper with its defaults. */
    private static final JsonMapper json = JsonMapper.builder().build();

    private static final List<String> IDS_AND_TIMES = List.of("id", "time", "subject", "orderId", "customerId",
            "confirmedAt", "rejectedAt", "returnId", "shippedAt", "cancelledAt", "deliveredAt", "requestedAt", "receivedAt",
            "refundedAt", "returnedAt");

    private static final CustomerId ADA = new CustomerId(UUID.fromString("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"));
    private static final Instant AT = Instant.parse("2026-11-22T10:15:30Z");

    private static JsonNode sample(String type) throws IOException {
        try (InputStream in = OrderEventsContractTests.class.getResourceAsStream("/contracts/order-events/" + type + ".json")) {
            return withoutIdsAndTimes(json.readTree(in));
        }
    }

    /** An envelope as {@code Outbox.publish(OrderEvents.TOPIC, orderId, type, data)} writes it. */
    private static JsonNode published(String type, Order order, Object data) {
        ObjectNode envelope = json.createObjectNode();
        envelope.put("id", UUID.randomUUID().toString());
        envelope.put("type", type);
        envelope.put("source", "order-service");
        envelope.put("time", Instant.now().toString());
        envelope.put("subject", order.id().toString());
        // Through the wire's text, as a consumer reads it (a long 0 and an int 0 are the same number there).
        envelope.set("data", json.readTree(json.writeValueAsString(data)));
        return withoutIdsAndTimes(envelope);
    }

    private static JsonNode withoutIdsAndTimes(JsonNode node) {
        if (node instanceof ObjectNode object) {
            IDS_AND_TIMES.forEach(object::remove);
            object.values().forEach(OrderEventsContractTests::withoutIdsAndTimes);
        }
        else if (node.isArray()) {
            node.values().forEach(OrderEventsContractTests::withoutIdsAndTimes);
        }
        return node;
    }

    private static Order sampleOrder() {
        var mug = new OrderLine(UUID.fromString("1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f"), "MUG-001", "Enamel mug", 3,
                Money.of("19.99", "EUR"));
        return Order.place(OrderId.newId(), ADA, "ada@example.com", List.of(mug), OrderTests.ADDRESS, "tok_visa", AT);
    }

    @Test
    void publishesOrderConfirmedAsTheContractSampleShowsIt() throws IOException {
        Order confirmed = sampleOrder().confirm(AT);

        JsonNode published = published(OrderEvents.ORDER_CONFIRMED, confirmed, OrderEventsTranslator.confirmed(confirmed));

        assertThat(published).isEqualTo(sample(OrderEvents.ORDER_CONFIRMED));
    }

    @Test
    void publishesTheDiscountPointsAndAmountDueOfAnOrderPaidPartlyWithPoints() throws IOException {
        Order pending = Order.place(OrderId.newId(), ADA, "ada@example.com", sampleOrder().lines(), OrderTests.ADDRESS,
                "tok_visa", 1500, AT);
        Order confirmed = pending.pointsHeld(1500, Money.of("15.00", "EUR"), AT).confirm(AT);

        JsonNode data = json.valueToTree(OrderEventsTranslator.confirmed(confirmed));

        assertThat(data.get("total").get("amount").asString()).isEqualTo("59.97");
        assertThat(data.get("discount").get("amount").asString()).isEqualTo("15.00");
        assertThat(data.get("discount").get("currency").asString()).isEqualTo("EUR");
        assertThat(data.get("pointsRedeemed").isIntegralNumber()).isTrue();
        assertThat(data.get("pointsRedeemed").asLong()).isEqualTo(1500);
        assertThat(data.get("amountDue").get("amount").asString()).isEqualTo("44.97");
        // Same shape as the sample: only the values differ.
        JsonNode published = published(OrderEvents.ORDER_CONFIRMED, confirmed, OrderEventsTranslator.confirmed(confirmed));
        assertThat(published.get("data").propertyNames()).containsExactlyInAnyOrderElementsOf(
                sample(OrderEvents.ORDER_CONFIRMED).get("data").propertyNames());
    }

    @Test
    void publishesOrderReturnedAsTheContractSampleShowsIt() throws IOException {
        Order returned = sampleOrder().confirm(AT).ship(PARCEL, AT).deliver(AT).markReturned(AT);

        JsonNode published = published(OrderEvents.ORDER_RETURNED, returned,
                OrderEventsTranslator.returned(returned, Money.of("59.97", "EUR")));

        assertThat(published).isEqualTo(sample(OrderEvents.ORDER_RETURNED));
    }

    @Test
    void publishesOrderRejectedAsTheContractSampleShowsIt() throws IOException {
        var pen = new OrderLine(UUID.randomUUID(), "PEN-1", "Pen", 1, Money.of("19.99", "EUR"));
        Order rejected = Order.place(OrderId.newId(), ADA, "ada@example.com", List.of(pen), OrderTests.ADDRESS,
                "tok_chargeDeclined", AT).reject(RejectionReason.PAYMENT_DECLINED, AT);

        JsonNode published = published(OrderEvents.ORDER_REJECTED, rejected, OrderEventsTranslator.rejected(rejected));

        assertThat(published).isEqualTo(sample(OrderEvents.ORDER_REJECTED));
    }

    @Test
    void writesAmountsAsDecimalStringsAndTimesAsIsoInstants() {
        Order confirmed = sampleOrder().confirm(AT);

        JsonNode data = json.valueToTree(OrderEventsTranslator.confirmed(confirmed));

        assertThat(data.get("total").get("amount").isString()).isTrue();
        assertThat(data.get("total").get("amount").asString()).isEqualTo("59.97");
        assertThat(data.get("confirmedAt").asString()).isEqualTo("2026-11-22T10:15:30Z");
        assertThat(data.get("orderId").asString()).isEqualTo(confirmed.id().toString());
    }

    private static final Shipment PARCEL = new Shipment("7d8e9f0a-1b2c-4d3e-8f4a-5b6c7d8e9f0a", "PARCELCO",
            "PC123456789NL", "http://localhost:8091/track/PC123456789NL");

    @Test
    void publishesOrderShippedAsTheContractSampleShowsIt() throws IOException {
        Order shipped = sampleOrder().confirm(AT).ship(PARCEL, AT);

        JsonNode published = published(OrderEvents.ORDER_SHIPPED, shipped, OrderEventsTranslator.shipped(shipped));

        assertThat(published).isEqualTo(sample(OrderEvents.ORDER_SHIPPED));
    }

    @Test
    void publishesOrderCancelledAsTheContractSampleShowsIt() throws IOException {
        Order cancelled = sampleOrder().confirm(AT).cancel(Actor.CUSTOMER, AT);

        JsonNode published = published(OrderEvents.ORDER_CANCELLED, cancelled,
                OrderEventsTranslator.cancelled(cancelled));

        assertThat(published).isEqualTo(sample(OrderEvents.ORDER_CANCELLED));
    }

    @Test
    void publishesOrderDeliveredAsTheContractSampleShowsIt() throws IOException {
        Order delivered = sampleOrder().confirm(AT).ship(PARCEL, AT).deliver(AT);

        JsonNode published = published(OrderEvents.ORDER_DELIVERED, delivered,
                OrderEventsTranslator.delivered(delivered));

        assertThat(published).isEqualTo(sample(OrderEvents.ORDER_DELIVERED));
    }

    private static OrderReturn sampleReturn(Order order) {
        return OrderReturn.request(order.id(), List.of(new OrderReturn.Line(1, 1)), "Too small", AT);
    }

    @Test
    void publishesOrderReturnRequestedAsTheContractSampleShowsIt() throws IOException {
        Order delivered = sampleOrder().confirm(AT).ship(PARCEL, AT).deliver(AT);
        OrderReturn ret = sampleReturn(delivered);

        JsonNode published = published(OrderEvents.ORDER_RETURN_REQUESTED, delivered,
                OrderEventsTranslator.returnRequested(delivered, ret));

        assertThat(published).isEqualTo(sample(OrderEvents.ORDER_RETURN_REQUESTED));
    }

    @Test
    void publishesOrderReturnReceivedAsTheContractSampleShowsIt() throws IOException {
        Order delivered = sampleOrder().confirm(AT).ship(PARCEL, AT).deliver(AT);
        OrderReturn received = sampleReturn(delivered).receive(true, AT);

        JsonNode published = published(OrderEvents.ORDER_RETURN_RECEIVED, delivered,
                OrderEventsTranslator.returnReceived(delivered, received));

        assertThat(published).isEqualTo(sample(OrderEvents.ORDER_RETURN_RECEIVED));
    }

    @Test
    void publishesOrderRefundedAsTheContractSampleShowsIt() throws IOException {
        Order delivered = sampleOrder().confirm(AT).ship(PARCEL, AT).deliver(AT);
        OrderReturn refunded = sampleReturn(delivered).receive(true, AT).requestRefund(AT)
                .refund(Money.of("19.99", "EUR"), AT);

        JsonNode published = published(OrderEvents.ORDER_REFUNDED, delivered,
                OrderEventsTranslator.refunded(delivered, refunded, Money.of("19.99", "EUR")));

        assertThat(published).isEqualTo(sample(OrderEvents.ORDER_REFUNDED));
    }
}
