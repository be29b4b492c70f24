package com.example.shop.e2e;

import static com.example.shop.e2e.BackOffice.amount;
import static com.example.shop.e2e.BackOffice.payment;
import static com.example.shop.e2e.BackOffice.stock;
import static com.example.shop.e2e.ShopApi.get;
import static com.example.shop.e2e.ShopApi.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.example.shop.e2e.ShopApi.Customer;
import com.example.shop.e2e.ShopApi.Response;

import tools.jackson.databind.JsonNode;

/** An order after checkout: shipped, delivered, partly returned and refunded; another cancelled. */
class OrderLifecycleE2ETests {

    private static String admin;

    @BeforeAll
    static void logInAsAdmin() {
        admin = ShopApi.adminToken();
    }

    @Test
    void orderIsShippedDeliveredPartlyReturnedAndRefundedWithStockAndMoneyFollowing() {
        var customer = Customer.registerNew("Margaret Hamilton");
        String kettleId = Products.create(admin, "Stovetop kettle", "40.00", 10).get("id").asString();
        String cupsId = Products.create(admin, "Espresso cups", "6.50", 10).get("id").asString();
        var lines = new LinkedHashMap<String, Integer>();
        lines.put(kettleId, 1);
        lines.put(cupsId, 4);

        JsonNode order = BackOffice.placeOrder(customer, lines, "tok_visa");
        String orderId = order.get("id").asString();
        assertThat(order.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(amount(order.get("total"))).isEqualByComparingTo("66.00");
        assertThat(amount(payment(admin, orderId).get("authorized"))).isEqualByComparingTo("66.00");
        assertThat(amount(payment(admin, orderId).get("captured"))).isZero();

        // A customer cannot ship their own order; the back office can.
        assertThat(post("/api/admin/orders/" + orderId + "/ship", customer.token(), Map.of()).status()).isEqualTo(403);
        JsonNode shipped = BackOffice.ship(admin, orderId);
        assertThat(shipped.get("shipment").get("trackingNumber").asString()).isNotBlank();
        assertThat(shipped.get("shipment").get("carrier").asString()).isNotBlank();
        assertThat(amount(payment(admin, orderId).get("captured"))).isEqualByComparingTo("66.00");
        // Shipping again changes nothing: the same label, one capture.
        JsonNode shippedAgain = BackOffice.ship(admin, orderId);
        assertThat(shippedAgain.get("shipment").get("trackingNumber").asString())
                .isEqualTo(shipped.get("shipment").get("trackingNumber").asString());
        assertThat(captures(payment(admin, orderId))).isEqualTo(1);
        // The shipment took the units out of the warehouse.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(stock(admin, kettleId).get("onHand").asInt()).isEqualTo(9);
            assertThat(stock(admin, cupsId).get("onHand").asInt()).isEqualTo(6);
            assertThat(stock(admin, cupsId).get("reserved").asInt()).isZero();
        });
        // The customer cannot cancel what has left.
        assertThat(post("/api/orders/" + orderId + "/cancel", customer.token(), Map.of()).status()).isEqualTo(409);

        BackOffice.deliver(admin, orderId);

        // Two of the four cups come back.
        String returnId = BackOffice.requestReturn(customer, orderId, Map.of(lineNo(order, cupsId), 2));
        Response tooMany = post("/api/orders/" + orderId + "/returns", customer.token(),
                Map.of("lines", java.util.List.of(Map.of("lineNo", lineNo(order, cupsId), "quantity", 3))));
        assertThat(tooMany.status()).isEqualTo(422);
        assertThat(tooMany.contentType()).startsWith("application/problem+json");
        BackOffice.receiveReturn(admin, orderId, returnId, true);
        JsonNode refunded = BackOffice.refundReturn(admin, orderId, returnId);
        assertThat(amount(BackOffice.returnOf(refunded, returnId).get("refunded"))).isEqualByComparingTo("13.00");
        assertThat(refunded.get("status").asString()).isEqualTo("DELIVERED");

        JsonNode money = payment(admin, orderId);
        assertThat(amount(money.get("captured"))).isEqualByComparingTo("66.00");
        assertThat(amount(money.get("refunded"))).isEqualByComparingTo("13.00");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(stock(admin, cupsId).get("onHand").asInt()).isEqualTo(8));

        // The rest comes back too: the order ends RETURNED with everything refunded.
        var rest = new LinkedHashMap<Integer, Integer>();
        rest.put(lineNo(order, kettleId), 1);
        rest.put(lineNo(order, cupsId), 2);
        String secondReturn = BackOffice.requestReturn(customer, orderId, rest);
        BackOffice.receiveReturn(admin, orderId, secondReturn, true);
        BackOffice.refundReturn(admin, orderId, secondReturn);
        JsonNode returned = BackOffice.awaitOrder(customer.token(), orderId, "/api/orders/",
                o -> "RETURNED".equals(o.get("status").asString()));
        assertThat(amount(payment(admin, orderId).get("refunded"))).isEqualByComparingTo("66.00");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(stock(admin, kettleId).get("onHand").asInt()).isEqualTo(10);
            assertThat(stock(admin, cupsId).get("onHand").asInt()).isEqualTo(10);
        });

        // The customer sees the whole story of the order.
        assertThat(returned.get("history").valueStream().map(h -> h.get("to").asString()).distinct().toList())
                .containsSubsequence("PENDING", "CONFIRMED", "SHIPPED", "DELIVERED", "RETURNED");
    }

    @Test
    void customerCancelsBeforeShipmentSoTheHoldIsVoidedAndTheStockComesBack() {
        var customer = Customer.registerNew("Katherine Johnson");
        var stranger = Customer.registerNew("Dorothy Vaughan");
        String productId = Products.create(admin, "Slide rule", "22.00", 5).get("id").asString();

        JsonNode order = BackOffice.placeOrder(customer, Map.of(productId, 2), "tok_visa");
        String orderId = order.get("id").asString();
        assertThat(Products.available(productId)).isEqualTo(3);

        // Someone else's order does not exist for this customer.
        assertThat(post("/api/orders/" + orderId + "/cancel", stranger.token(), Map.of()).status()).isEqualTo(404);

        JsonNode cancelled = BackOffice.cancel(customer.token(), false, orderId);
        assertThat(cancelled.get("status").asString()).isEqualTo("CANCELLED");
        // Cancelling again is answered with the order as it is.
        assertThat(post("/api/orders/" + orderId + "/cancel", customer.token(), Map.of()).status()).isEqualTo(200);

        JsonNode money = payment(admin, orderId);
        assertThat(money.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(amount(money.get("captured"))).isZero();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(Products.available(productId)).isEqualTo(5);
            assertThat(stock(admin, productId).get("onHand").asInt()).isEqualTo(5);
        });
        // Nothing can ship any more.
        assertThat(post("/api/admin/orders/" + orderId + "/ship", admin, Map.of()).status()).isEqualTo(409);

        Response list = get("/api/admin/orders?status=CANCELLED&customerId=" + customer.id(), admin);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().get("items").valueStream().map(o -> o.get("id").asString()).toList())
                .containsExactly(orderId);
    }

    @Test
    void carrierReportsTheDeliveryAndTheOrderBecomesDeliveredWithItsTracking() {
        var customer = Customer.registerNew("Hedy Lamarr");
        String productId = Products.create(admin, "Radio kit", "18.00", 3).get("id").asString();
        String orderId = BackOffice.placeOrder(customer, Map.of(productId, 1), "tok_visa").get("id").asString();

        BackOffice.ship(admin, orderId);

        // No one marks it delivered: the carrier's tracking does, through shipping-service and Kafka. The test
        // stack's parcels travel for 20 s (CARRIER_TRANSIT_TIME); a stack started with the 2 min default is
        // waited for too.
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(BackOffice.order(customer.token(), orderId, "/api/orders/").get("status").asString())
                        .isEqualTo("DELIVERED"));
        JsonNode order = BackOffice.order(customer.token(), orderId, "/api/orders/");
        assertThat(order.get("shipment").get("deliveredAt").isNull()).isFalse();
        Response shipment = get("/api/admin/shipments/" + orderId, admin);
        assertThat(shipment.status()).isEqualTo(200);
        assertThat(shipment.body().get("status").asString()).isEqualTo("DELIVERED");
        assertThat(shipment.body().get("trackingNumber").asString())
                .isEqualTo(order.get("shipment").get("trackingNumber").asString());
    }

    static int lineNo(JsonNode order, String productId) {
        return order.get("items").valueStream().filter(l -> l.get("productId").asString().equals(productId))
                .findFirst().orElseThrow().get("lineNo").asInt();
    }

    static long captures(JsonNode payment) {
        return payment.get("operations").valueStream()
                .filter(op -> "CAPTURE".equals(op.get("kind").asString()) && "SUCCEEDED".equals(op.get("status").asString()))
                .count();
    }

    static BigDecimal valueOf(JsonNode line, int quantity) {
        return amount(line.get("unitPrice")).multiply(BigDecimal.valueOf(quantity));
    }
}
