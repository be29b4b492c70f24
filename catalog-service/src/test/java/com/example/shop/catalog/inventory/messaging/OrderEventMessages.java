package com.example.shop.catalog.inventory.messaging;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationContext;

import tools.jackson.databind.json.JsonMapper;

import com.example.shop.contracts.order.OrderEvents;

/**
 * order-service's events as they arrive on the wire (the envelope with the fields catalog-service reads), and a
 * way to hand one straight to the listener, for tests that deliver many events concurrently without a broker.
 */
public final class OrderEventMessages {

    private final JsonMapper json;

    public OrderEventMessages(JsonMapper json) {
        this.json = json;
    }

    public String confirmed(UUID eventId, UUID order) {
        return envelope(eventId, OrderEvents.ORDER_CONFIRMED, order, orderData(order, "confirmedAt"));
    }

    public String shipped(UUID eventId, UUID order) {
        Map<String, Object> data = orderData(order, "shippedAt");
        data.put("carrier", "PARCELCO");
        data.put("trackingNumber", "PC1");
        return envelope(eventId, OrderEvents.ORDER_SHIPPED, order, data);
    }

    public String cancelled(UUID eventId, UUID order) {
        Map<String, Object> data = orderData(order, "cancelledAt");
        data.put("cancelledBy", "CUSTOMER");
        return envelope(eventId, OrderEvents.ORDER_CANCELLED, order, data);
    }

    public String rejected(UUID eventId, UUID order) {
        Map<String, Object> data = orderData(order, "rejectedAt");
        data.put("reason", "PAYMENT_DECLINED");
        return envelope(eventId, OrderEvents.ORDER_REJECTED, order, data);
    }

    /** A received return of {@code lines} (variant id to units). */
    public String returnReceived(UUID eventId, UUID order, UUID returnId, boolean restocked, Map<UUID, Integer> lines) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("orderId", order);
        data.put("returnId", returnId);
        data.put("customerId", UUID.randomUUID());
        int[] lineNo = { 0 };
        data.put("lines", lines.entrySet().stream().map(line -> Map.of("lineNo", ++lineNo[0], "productId", line.getKey(),
                "sku", "SKU", "name", "Returned", "quantity", line.getValue(),
                "unitPrice", Map.of("amount", "5.00", "currency", "EUR"))).toList());
        data.put("restocked", restocked);
        data.put("receivedAt", Instant.now().toString());
        return envelope(eventId, OrderEvents.ORDER_RETURN_RECEIVED, order, data);
    }

    /** Delivers the event to the service's listener as the Kafka container would, on the calling thread. */
    public static void deliver(ApplicationContext context, String value) {
        context.getBean(OrderEventsListener.class).on(value);
    }

    private static Map<String, Object> orderData(UUID order, String at) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("orderId", order);
        data.put("customerId", UUID.randomUUID());
        data.put("customerEmail", "ada@example.com");
        data.put("total", Map.of("amount", "15.00", "currency", "EUR"));
        data.put("lines", List.of());
        data.put(at, Instant.now().toString());
        return data;
    }

    private String envelope(UUID id, String type, UUID subject, Map<String, Object> data) {
        var envelope = new LinkedHashMap<String, Object>();
        envelope.put("id", id);
        envelope.put("type", type);
        envelope.put("source", "order-service");
        envelope.put("time", Instant.now().toString());
        envelope.put("subject", subject.toString());
        envelope.put("data", data);
        return json.writeValueAsString(envelope);
    }
}
