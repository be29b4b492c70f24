package com.example.shop.e2e;

import static com.example.shop.e2e.ShopApi.checkout;
import static com.example.shop.e2e.ShopApi.get;
import static com.example.shop.e2e.ShopApi.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.example.shop.e2e.ShopApi.Customer;
import com.example.shop.e2e.ShopApi.Response;

import tools.jackson.databind.JsonNode;

/** A customer's journey through the gateway, against the whole running stack. */
class CheckoutE2ETests {

    private static String admin;

    @BeforeAll
    static void logInAsAdmin() {
        admin = ShopApi.adminToken();
    }

    private static Response placeOrder(Customer customer, String key, Map<String, Object> body) {
        return post("/api/orders", customer.token(), body, Map.of("Idempotency-Key", key));
    }

    /** Waits until the order has left PENDING; returns its final state. */
    private static JsonNode finalOrder(Customer customer, Response placed) {
        String id = placed.body().get("id").asString();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> !"PENDING".equals(get("/api/orders/" + id, customer.token()).body().get("status").asString()));
        return get("/api/orders/" + id, customer.token()).body();
    }

    /** The ids in the customer's order history, newest first (a plain list or a page of them). */
    private static List<String> orderIds(Customer customer) {
        Response orders = get("/api/orders", customer.token());
        assertThat(orders.status()).isEqualTo(200);
        JsonNode list = orders.body().isArray() ? orders.body() : orders.body().get("content");
        return list.valueStream().map(order -> order.get("id").asString()).toList();
    }

    /** The mails about orders: every customer also gets a welcome mail when they register. */
    private static List<MailInbox.Mail> orderMails(Customer customer) {
        return MailInbox.messagesFor(customer.email()).stream()
                .filter(mail -> mail.subject() == null || !mail.subject().toLowerCase().contains("welcome")).toList();
    }

    private static List<JsonNode> orderNotifications(Customer customer) {
        JsonNode body = get("/api/customers/me/notifications", customer.token()).body();
        JsonNode list = body.isArray() ? body : body.get("content");
        return list.valueStream().filter(n -> n.get("type").asString().startsWith("ORDER_")).toList();
    }

    @Test
    void customerFindsProductsOrdersThemAndEarnsPointsAndAnEmail() {
        var customer = Customer.registerNew("Ada Lovelace");

        Response catalogue = get("/api/products?size=5", null);
        assertThat(catalogue.status()).isEqualTo(200);
        assertThat(catalogue.body().get("page").get("totalElements").asInt()).isGreaterThanOrEqualTo(20);

        JsonNode mug = Products.create(admin, "Enamel mug", "12.50", 10);
        JsonNode lamp = Products.create(admin, "Desk lamp", "45.99", 10);
        String mugId = mug.get("id").asString();
        String lampId = lamp.get("id").asString();
        assertThat(get("/api/products?q=" + mug.get("sku").asString(), null).body().get("content").get(0).get("id").asString())
                .isEqualTo(mugId);

        assertThat(post("/api/cart/items", customer.token(), Map.of("productId", mugId, "quantity", 2)).status()).isBetween(200, 201);
        assertThat(post("/api/cart/items", customer.token(), Map.of("productId", lampId, "quantity", 1)).status()).isBetween(200, 201);
        Response cart = get("/api/cart", customer.token());
        assertThat(cart.body().get("total").get("amount").asString()).isEqualTo("70.99");
        assertThat(cart.body().get("items").get(0).get("name").asString()).isIn("Enamel mug", "Desk lamp");

        Response placed = placeOrder(customer, UUID.randomUUID().toString(), checkout("tok_visa", "Ada Lovelace"));
        assertThat(placed.status()).isIn(201, 202);
        assertThat(placed.header("Location")).isEqualTo("/api/orders/" + placed.body().get("id").asString());
        JsonNode order = finalOrder(customer, placed);
        assertThat(order.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(order.get("total").get("amount").asString()).isEqualTo("70.99");
        assertThat(order.get("rejectionReason").isNull()).isTrue();

        assertThat(Products.available(mugId)).isEqualTo(8);
        assertThat(Products.available(lampId)).isEqualTo(9);

        int expectedPoints = new BigDecimal("70.99").setScale(0, RoundingMode.FLOOR).intValue();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                get("/api/customers/me/loyalty", customer.token()).body().get("points").asInt())
                .isEqualTo(expectedPoints));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                get("/api/cart", customer.token()).body().get("items").size()).isZero());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<JsonNode> notifications = orderNotifications(customer);
            assertThat(notifications).hasSize(1);
            assertThat(notifications.get(0).get("type").asString()).isEqualTo("ORDER_CONFIRMED");
            assertThat(notifications.get(0).get("orderId").asString()).isEqualTo(order.get("id").asString());
            assertThat(notifications.get(0).get("recipient").asString()).isEqualTo(customer.email());
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<MailInbox.Mail> mails = orderMails(customer);
            assertThat(mails).hasSize(1);
            assertThat(mails.getFirst().body()).contains("70.99");
        });

        assertThat(orderIds(customer)).containsExactly(order.get("id").asString());
    }

    @Test
    void declinedPaymentRejectsTheOrderGivesTheStockBackAndSendsOneRejectionEmail() {
        var customer = Customer.registerNew("Grace Hopper");
        String productId = Products.create(admin, "Fountain pen", "30.00", 4).get("id").asString();
        post("/api/cart/items", customer.token(), Map.of("productId", productId, "quantity", 3));

        Response placed = placeOrder(customer, UUID.randomUUID().toString(), checkout("tok_chargeDeclined", "Grace Hopper"));

        JsonNode order = finalOrder(customer, placed);
        assertThat(order.get("status").asString()).isEqualTo("REJECTED");
        assertThat(order.get("rejectionReason").asString()).isEqualTo("PAYMENT_DECLINED");
        assertThat(Products.available(productId)).isEqualTo(4);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(orderMails(customer)).hasSize(1);
        });
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<JsonNode> notifications = orderNotifications(customer);
            assertThat(notifications).hasSize(1);
            assertThat(notifications.get(0).get("type").asString()).isEqualTo("ORDER_REJECTED");
        });
        // Points are credited only for confirmed orders; the rejection has long been processed by now.
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
                get("/api/customers/me/loyalty", customer.token()).body().get("points").asInt()).isZero());
        // The cart is kept so the customer can try another card.
        assertThat(get("/api/cart", customer.token()).body().get("items").size()).isEqualTo(1);
    }

    @Test
    void replayingACheckoutReturnsTheSameOrderAndChargesOnce() {
        var customer = Customer.registerNew("Alan Turing");
        String productId = Products.create(admin, "Chess set", "25.00", 10).get("id").asString();
        post("/api/cart/items", customer.token(), Map.of("productId", productId, "quantity", 1));
        String key = UUID.randomUUID().toString();

        Response first = placeOrder(customer, key, checkout("tok_visa", "Alan Turing"));
        JsonNode order = finalOrder(customer, first);
        Response replay = placeOrder(customer, key, checkout("tok_visa", "Alan Turing"));
        Response otherBody = placeOrder(customer, key, checkout("tok_visa", "Someone Else"));

        assertThat(order.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.body().get("id").asString()).isEqualTo(order.get("id").asString());
        assertThat(otherBody.status()).isEqualTo(422);
        assertThat(otherBody.contentType()).startsWith("application/problem+json");
        assertThat(orderIds(customer)).containsExactly(order.get("id").asString());
        assertThat(Products.available(productId)).isEqualTo(9);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                get("/api/customers/me/loyalty", customer.token()).body().get("points").asInt()).isEqualTo(25));
    }

    @Test
    void rejectsBadRequestsWithProblemDetails() {
        var customer = Customer.registerNew("Barbara Liskov");
        var stranger = Customer.registerNew("Edsger Dijkstra");

        Response anonymous = get("/api/cart", null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");

        Response noKey = post("/api/orders", customer.token(), checkout("tok_visa", "Barbara Liskov"));
        assertThat(noKey.status()).isEqualTo(400);
        assertThat(noKey.contentType()).startsWith("application/problem+json");

        Response emptyCart = placeOrder(customer, UUID.randomUUID().toString(), checkout("tok_visa", "Barbara Liskov"));
        assertThat(emptyCart.status()).isEqualTo(422);

        Response badQuantity = post("/api/cart/items", customer.token(),
                Map.of("productId", UUID.randomUUID().toString(), "quantity", 0));
        assertThat(badQuantity.status()).isEqualTo(400);
        Response unknownProduct = post("/api/cart/items", customer.token(),
                Map.of("productId", UUID.randomUUID().toString(), "quantity", 1));
        assertThat(unknownProduct.status()).isEqualTo(404);

        Response duplicate = post("/api/customers", null,
                Map.of("email", customer.email(), "password", "another-password", "name", "Copy"));
        assertThat(duplicate.status()).isEqualTo(409);
        Response wrongPassword = post("/api/auth/token", null, Map.of("email", customer.email(), "password", "nope-nope"));
        assertThat(wrongPassword.status()).isEqualTo(401);

        String productId = Products.create(admin, "Notebook", "4.00", 5).get("id").asString();
        post("/api/cart/items", stranger.token(), Map.of("productId", productId, "quantity", 1));
        Response strangersOrder = placeOrder(stranger, UUID.randomUUID().toString(), checkout("tok_visa", "Edsger Dijkstra"));
        assertThat(get("/api/orders/" + strangersOrder.body().get("id").asString(), customer.token()).status()).isEqualTo(404);

        assertThat(post("/api/products", customer.token(), Map.of("sku", "X")).status()).isEqualTo(403);
        assertThat(get("/api/products/" + UUID.randomUUID(), null).status()).isEqualTo(404);
    }
}
