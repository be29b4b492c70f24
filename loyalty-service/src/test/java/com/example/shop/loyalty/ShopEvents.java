package com.example.shop.loyalty;

import java.time.Instant;
import java.util.UUID;

import org.springframework.kafka.core.KafkaTemplate;

import com.example.shop.contracts.customer.CustomerEvents;
import com.example.shop.contracts.order.OrderEvents;
import com.example.shop.platform.testsupport.SampleEvents;

import tools.jackson.databind.node.ObjectNode;

/**
 * The events loyalty-service hears, built from the producers' checked-in samples (fresh event ids, the test's
 * own customers and orders) and sent to the real broker the way the producers send them.
 */
public final class ShopEvents {

    private final KafkaTemplate<String, String> kafka;

    public ShopEvents(KafkaTemplate<String, String> kafka) {
        this.kafka = kafka;
    }

    /** A confirmation; {@code total} = amount due + the points' discount at 0.01 per point. */
    public static ObjectNode confirmed(UUID customer, UUID order, String amountDue, long pointsRedeemed) {
        ObjectNode event = order(OrderEvents.ORDER_CONFIRMED, customer, order);
        ObjectNode data = SampleEvents.data(event);
        var due = new java.math.BigDecimal(amountDue);
        var discount = java.math.BigDecimal.valueOf(pointsRedeemed, 2);
        ((ObjectNode) data.get("amountDue")).put("amount", due.toPlainString());
        ((ObjectNode) data.get("discount")).put("amount", discount.toPlainString());
        ((ObjectNode) data.get("total")).put("amount", due.add(discount).toPlainString());
        data.put("pointsRedeemed", pointsRedeemed);
        data.put("confirmedAt", Instant.now().toString());
        return event;
    }

    /** A confirmation as order-service published it before checkout discounts: no discount, points, amount due. */
    public static ObjectNode confirmedWithoutAmountDue(UUID customer, UUID order, String total) {
        ObjectNode event = order(OrderEvents.ORDER_CONFIRMED, customer, order);
        ObjectNode data = SampleEvents.data(event);
        ((ObjectNode) data.get("total")).put("amount", total);
        data.remove("amountDue");
        data.remove("discount");
        data.remove("pointsRedeemed");
        data.put("confirmedAt", Instant.now().toString());
        return event;
    }

    public static ObjectNode rejected(UUID customer, UUID order) {
        return order(OrderEvents.ORDER_REJECTED, customer, order);
    }

    public static ObjectNode cancelled(UUID customer, UUID order) {
        return order(OrderEvents.ORDER_CANCELLED, customer, order);
    }

    public static ObjectNode refunded(UUID customer, UUID order, UUID returnId, String amount, String totalRefunded) {
        ObjectNode event = order(OrderEvents.ORDER_REFUNDED, customer, order);
        ObjectNode data = SampleEvents.data(event);
        data.put("returnId", returnId.toString());
        ((ObjectNode) data.get("amount")).put("amount", amount);
        ((ObjectNode) data.get("totalRefunded")).put("amount", totalRefunded);
        return event;
    }

    public static ObjectNode customerDeleted(UUID customer) {
        ObjectNode event = SampleEvents.load(CustomerEvents.TOPIC, CustomerEvents.CUSTOMER_DELETED, customer.toString());
        SampleEvents.data(event).put("customerId", customer.toString());
        return event;
    }

    /** The same event again under a new event id (a producer that published twice). */
    public static ObjectNode withNewId(ObjectNode event) {
        ObjectNode copy = event.deepCopy();
        copy.put("id", UUID.randomUUID().toString());
        return copy;
    }

    public static UUID id(ObjectNode event) {
        return UUID.fromString(event.get("id").asString());
    }

    private static ObjectNode order(String type, UUID customer, UUID order) {
        ObjectNode event = SampleEvents.load(OrderEvents.TOPIC, type, order.toString());
        ObjectNode data = SampleEvents.data(event);
        data.put("orderId", order.toString());
        data.put("customerId", customer.toString());
        return event;
    }

    /** Sends with the event's subject as the key, as the producers do. */
    public void send(ObjectNode event) {
        send(event.get("subject").asString(), event);
    }

    /** Sends with any key: different keys may land on different partitions and overtake each other. */
    public void send(String key, ObjectNode event) {
        String type = event.get("type").asString();
        String topic = type.startsWith("customer.") ? CustomerEvents.TOPIC : OrderEvents.TOPIC;
        kafka.send(topic, key, SampleEvents.toJson(event)).join();
    }
}
