package com.example.shop.order.ordering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.example.shop.contracts.order.Money;
import com.example.shop.contracts.order.OrderConfirmed;
import com.example.shop.contracts.order.OrderEvents;
import com.example.shop.contracts.order.OrderLine;
import com.example.shop.contracts.order.OrderRejected;
import com.example.shop.platform.messaging.EventEnvelope;
import com.example.shop.platform.messaging.Events;
import com.example.shop.platform.testsupport.TestKafka;
import com.example.shop.platform.testsupport.TopicRecorder;
import com.example.shop.platform.testsupport.TestPostgres;
import com.example.shop.platform.testsupport.TestTokens;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checkout through the real HTTP API, with a real PostgreSQL and a real Kafka broker; cart-, catalog- and
 * payment-service are stubbed at their HTTP boundary ({@link StubDownstreams}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "shop.messaging.relay.poll-interval=100ms",
        "shop.order.recovery.interval=300ms",
        "shop.order.recovery.stale-after=2s",
        // longer than the slowest step here (two tries of the read timeout), as in production
        "shop.order.recovery.lease=12s",
        "shop.order.payment-deadline=3s",
        "shop.clients.read-timeout=5s",
        "shop.clients.retry-backoff=50ms" })
class CheckoutIntegrationTests {

    private static final StubDownstreams downstreams = new StubDownstreams();
    private static final JsonMapper json = JsonMapper.builder().build();
    private static final HttpClient http = HttpClient.newHttpClient();
    private static TopicRecorder events;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestPostgres.register(registry, "orders_test");
        TestKafka.register(registry);
        TestTokens.register(registry);
        registry.add("shop.clients.cart-url", downstreams::url);
        registry.add("shop.clients.catalog-url", downstreams::url);
        registry.add("shop.clients.payment-url", downstreams::url);
    }

    @BeforeAll
    static void recordOrderEvents() {
        events = new TopicRecorder(OrderEvents.TOPIC);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        events.close();
        downstreams.close();
    }

    @AfterEach
    void catalogBack() {
        downstreams.catalogDown(false);
        downstreams.releasesDown(false);
        downstreams.cancelsDown(false);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Events wire;

    /** A customer with a token and, once {@link #fillCart} ran, a cart. */
    record Shopper(UUID id, String email, String token) {

        static Shopper create() {
            UUID id = UUID.randomUUID();
            String email = "shopper-" + id + "@example.com";
            return new Shopper(id, email, TestTokens.customer(id, email));
        }
    }

    record Response(int status, JsonNode body, HttpResponse<String> raw) {

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        UUID id() {
            return UUID.fromString(body.get("id").asString());
        }
    }

    private static final UUID MUG = UUID.randomUUID();

    private static Shopper shopperWithCart() {
        Shopper shopper = Shopper.create();
        downstreams.cart(shopper.token(), List.of(
                StubDownstreams.item(MUG, "MUG-001", "Enamel mug", 3, "19.99"),
                StubDownstreams.item(UUID.randomUUID(), "PEN-002", "Fountain pen", 1, "30.00")));
        return shopper;
    }

    private static Map<String, Object> body(String paymentToken) {
        return Map.of("paymentToken", paymentToken, "shippingAddress", address("Ada Lovelace"));
    }

    private static Map<String, Object> address(String name) {
        return Map.of("name", name, "line1", "1 Main Street", "city", "Utrecht", "postalCode", "3511 AB",
                "country", "NL");
    }

    private Response placeOrder(Shopper shopper, String key, Object body) {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/orders"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : json.writeValueAsString(body)));
        if (shopper != null) {
            request.header("Authorization", "Bearer " + shopper.token());
        }
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return send(request);
    }

    private Response get(Shopper shopper, String path) {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (shopper != null) {
            request.header("Authorization", "Bearer " + shopper.token());
        }
        return send(request);
    }

    private static Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode body = response.body().isBlank() ? null : json.readTree(response.body());
            return new Response(response.statusCode(), body, response);
        }
        catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private long storedOrdersOf(Shopper shopper) {
        return jdbc.sql("select count(*) from orders where customer_id = ?").param(shopper.id())
                .query(Long.class).single();
    }

    /** Waits for the order's first event, then makes sure no second one follows. */
    private EventEnvelope onlyEventOf(UUID orderId) {
        await().atMost(Duration.ofSeconds(15)).until(() -> !events.withKey(orderId.toString()).isEmpty());
        await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(3))
                .until(() -> events.withKey(orderId.toString()).size() == 1);
        ConsumerRecord<String, String> record = events.withKey(orderId.toString()).getFirst();
        EventEnvelope envelope = wire.read(record.value());
        assertThat(new String(record.headers().lastHeader("event-type").value(), StandardCharsets.UTF_8))
                .isEqualTo(envelope.type());
        assertThat(envelope.subject()).isEqualTo(orderId.toString());
        assertThat(envelope.source()).isEqualTo("order-service");
        assertSameShape(json.valueToTree(envelope), sample(envelope.type()));
        return envelope;
    }

    private static JsonNode sample(String type) {
        try (var in = new ClassPathResource("contracts/order-events/" + type + ".json").getInputStream()) {
            return json.readTree(in);
        }
        catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    /** The published message has exactly the fields of the contract's sample, at every level. */
    private static void assertSameShape(JsonNode actual, JsonNode sample) {
        if (sample.isObject()) {
            assertThat(Set.copyOf(actual.propertyNames())).isEqualTo(Set.copyOf(sample.propertyNames()));
            sample.propertyNames().forEach(name -> assertSameShape(actual.get(name), sample.get(name)));
        }
        else if (sample.isArray()) {
            assertThat(actual.isArray()).isTrue();
            actual.valueStream().forEach(element -> assertSameShape(element, sample.get(0)));
        }
        else {
            assertThat(actual.getNodeType()).isEqualTo(sample.getNodeType());
        }
    }

    @Test
    void confirmsAnOrderWhenStockIsReservedAndThePaymentAuthorised() {
        Shopper shopper = shopperWithCart();

        Response placed = placeOrder(shopper, UUID.randomUUID().toString(), body("tok_visa"));

        assertThat(placed.status()).isEqualTo(201);
        UUID orderId = placed.id();
        assertThat(placed.header("Location")).isEqualTo("/api/orders/" + orderId);
        assertThat(placed.body().get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(placed.body().get("rejectionReason").isNull()).isTrue();
        assertThat(placed.body().get("total").get("amount").asString()).isEqualTo("89.97");
        assertThat(placed.body().get("total").get("currency").asString()).isEqualTo("EUR");
        JsonNode mug = placed.body().get("items").get(0);
        assertThat(mug.get("sku").asString()).isEqualTo("MUG-001");
        assertThat(mug.get("unitPrice").get("amount").asString()).isEqualTo("19.99");
        assertThat(mug.get("lineTotal").get("amount").asString()).isEqualTo("59.97");
        assertThat(placed.body().get("createdAt").isString()).isTrue();
        assertThat(placed.body().has("paymentToken")).isFalse();

        JsonNode reservation = downstreams.reservations(orderId).getFirst().body();
        assertThat(reservation.get("lines").get(0).get("productId").asString()).isEqualTo(MUG.toString());
        assertThat(reservation.get("lines").get(0).get("quantity").asInt()).isEqualTo(3);
        JsonNode payment = downstreams.payments(orderId).getFirst().body();
        assertThat(payment.get("amount").get("amount").asString()).isEqualTo("89.97");
        assertThat(payment.get("amount").get("currency").asString()).isEqualTo("EUR");
        assertThat(payment.get("paymentToken").asString()).isEqualTo("tok_visa");
        assertThat(downstreams.releases(orderId)).isEmpty();

        EventEnvelope event = onlyEventOf(orderId);
        assertThat(event.type()).isEqualTo(OrderEvents.ORDER_CONFIRMED);
        OrderConfirmed confirmed = wire.data(event, OrderConfirmed.class);
        assertThat(confirmed.orderId()).isEqualTo(orderId);
        assertThat(confirmed.customerId()).isEqualTo(shopper.id());
        assertThat(confirmed.customerEmail()).isEqualTo(shopper.email());
        assertThat(confirmed.total()).isEqualTo(new Money(new java.math.BigDecimal("89.97"), "EUR"));
        assertThat(confirmed.lines()).first().isEqualTo(
                new OrderLine(MUG, "MUG-001", "Enamel mug", 3, new Money(new java.math.BigDecimal("19.99"), "EUR")));

        Response fetched = get(shopper, "/api/orders/" + orderId);
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.body()).isEqualTo(placed.body());
        assertThat(jdbc.sql("select payment_token from orders where id = ?").param(orderId).query(String.class)
                .optional()).isEmpty();
    }

    @Test
    void rejectsAnOrderWhoseCardIsDeclinedAndGivesTheStockBack() {
        Shopper shopper = shopperWithCart();

        Response placed = placeOrder(shopper, UUID.randomUUID().toString(), body(StubDownstreams.DECLINED_TOKEN));

        assertThat(placed.status()).isEqualTo(201);
        assertThat(placed.body().get("status").asString()).isEqualTo("REJECTED");
        assertThat(placed.body().get("rejectionReason").asString()).isEqualTo("PAYMENT_DECLINED");
        assertThat(downstreams.releases(placed.id())).hasSize(1);
        EventEnvelope event = onlyEventOf(placed.id());
        assertThat(event.type()).isEqualTo(OrderEvents.ORDER_REJECTED);
        OrderRejected rejected = wire.data(event, OrderRejected.class);
        assertThat(rejected.reason()).isEqualTo("PAYMENT_DECLINED");
        assertThat(rejected.customerEmail()).isEqualTo(shopper.email());
        assertThat(rejected.total().amount()).isEqualByComparingTo("89.97");
    }

    @Test
    void retriesAnUnavailablePaymentUntilTheDeadlineThenCancelsItGivesTheStockBackAndRejects() {
        Shopper shopper = shopperWithCart();

        Response placed = placeOrder(shopper, UUID.randomUUID().toString(), body(StubDownstreams.UNAVAILABLE_TOKEN));

        // UNAVAILABLE is not final: the provider may still authorise, so nothing is given back yet.
        assertThat(placed.status()).isEqualTo(202);
        assertThat(placed.body().get("status").asString()).isEqualTo("PENDING");
        assertThat(downstreams.releases(placed.id())).isEmpty();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                get(shopper, "/api/orders/" + placed.id()).body().get("status").asString()).isEqualTo("REJECTED"));
        assertThat(get(shopper, "/api/orders/" + placed.id()).body().get("rejectionReason").asString())
                .isEqualTo("PAYMENT_UNAVAILABLE");
        assertThat(downstreams.payments(placed.id())).hasSizeGreaterThanOrEqualTo(2);
        assertThat(downstreams.cancels(placed.id())).hasSize(1);
        assertThat(downstreams.releases(placed.id())).hasSize(1);
        assertThat(wire.data(onlyEventOf(placed.id()), OrderRejected.class).reason()).isEqualTo("PAYMENT_UNAVAILABLE");
    }

    @Test
    void confirmsAnOrderWhoseUnavailablePaymentWentThroughWhenAskedAgain() {
        Shopper shopper = shopperWithCart();

        Response placed = placeOrder(shopper, UUID.randomUUID().toString(), body(StubDownstreams.LATE_SUCCESS_TOKEN));

        assertThat(placed.status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                get(shopper, "/api/orders/" + placed.id()).body().get("status").asString()).isEqualTo("CONFIRMED"));
        assertThat(onlyEventOf(placed.id()).type()).isEqualTo(OrderEvents.ORDER_CONFIRMED);
        assertThat(downstreams.payments(placed.id())).hasSize(2);
        assertThat(downstreams.releases(placed.id())).isEmpty();
        assertThat(downstreams.cancels(placed.id())).isEmpty();
    }

    @Test
    void keepsStockReservedWhileTheCancelCannotSayWhetherMoneyIsHeld() {
        Shopper shopper = shopperWithCart();
        downstreams.cancelsDown(true);

        Response placed = placeOrder(shopper, UUID.randomUUID().toString(), body(StubDownstreams.UNAVAILABLE_TOKEN));

        await().atMost(Duration.ofSeconds(20)).until(() -> !downstreams.cancels(placed.id()).isEmpty());
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() ->
                downstreams.releases(placed.id()).isEmpty()
                        && get(shopper, "/api/orders/" + placed.id()).body().get("status").asString().equals("PENDING"));

        downstreams.cancelsDown(false);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                get(shopper, "/api/orders/" + placed.id()).body().get("rejectionReason").asString())
                .isEqualTo("PAYMENT_UNAVAILABLE"));
        assertThat(downstreams.releases(placed.id())).hasSize(1);
        assertThat(wire.data(onlyEventOf(placed.id()), OrderRejected.class).reason()).isEqualTo("PAYMENT_UNAVAILABLE");
    }

    @Test
    void letsOnlyTheRequestThreadDriveItsOrderWhileItWaitsForASlowPayment() {
        Shopper shopper = shopperWithCart();

        // The payment answers after the recovery job's stale-after (2 s) has passed; a second driver would be
        // answered UNAVAILABLE and would give the stock back while this one confirms.
        Response placed = placeOrder(shopper, UUID.randomUUID().toString(), body(StubDownstreams.SLOW_THEN_DOWN_TOKEN));

        assertThat(placed.status()).isEqualTo(201);
        assertThat(placed.body().get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(onlyEventOf(placed.id()).type()).isEqualTo(OrderEvents.ORDER_CONFIRMED);
        assertThat(downstreams.payments(placed.id())).hasSize(1);
        assertThat(downstreams.reservations(placed.id())).hasSize(1);
        assertThat(downstreams.releases(placed.id())).isEmpty();
    }

    @Test
    void confirmsACartOfFreeItemsWithoutAskingForPayment() {
        Shopper shopper = Shopper.create();
        downstreams.cart(shopper.token(), List.of(StubDownstreams.item(UUID.randomUUID(), "GIFT-1", "Free sticker", 2, "0.00")));

        Response placed = placeOrder(shopper, UUID.randomUUID().toString(), body("tok_visa"));

        assertThat(placed.status()).isEqualTo(201);
        assertThat(placed.body().get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(placed.body().get("total").get("amount").asString()).isEqualTo("0.00");
        assertThat(downstreams.reservations(placed.id())).hasSize(1);
        assertThat(downstreams.payments(placed.id())).isEmpty();
        assertThat(onlyEventOf(placed.id()).type()).isEqualTo(OrderEvents.ORDER_CONFIRMED);
    }

    @Test
    void refusesACartWithMoreThanAHundredLinesAndStoresNothing() {
        Shopper shopper = Shopper.create();
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            items.add(StubDownstreams.item(UUID.randomUUID(), "SKU-" + i, "Item " + i, 1, "1.00"));
        }
        downstreams.cart(shopper.token(), items);

        Response placed = placeOrder(shopper, UUID.randomUUID().toString(), body("tok_visa"));

        assertThat(placed.status()).isEqualTo(422);
        assertThat(placed.header("Content-Type")).startsWith("application/problem+json");
        assertThat(storedOrdersOf(shopper)).isZero();
    }

    @Test
    void keepsAnOrderPendingWithoutRetryingEverySecondsWhenAServiceRefusesTheRequest() {
        Shopper shopper = shopperWithCart();

        Response placed = placeOrder(shopper, UUID.randomUUID().toString(), body(StubDownstreams.REFUSED_TOKEN));

        assertThat(placed.status()).isEqualTo(202);
        // stale-after is 2 s and the job runs every 300 ms: a retry would show within this window
        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6))
                .until(() -> downstreams.payments(placed.id()).size() == 1);
        assertThat(get(shopper, "/api/orders/" + placed.id()).body().get("status").asString()).isEqualTo("PENDING");
        assertThat(jdbc.sql("select lease_until from orders where id = ?").param(placed.id())
                .query(java.sql.Timestamp.class).single().toInstant())
                .isAfter(java.time.Instant.now().plus(Duration.ofMinutes(20)));
    }

    @Test
    void rejectsAnOrderOutOfStockWithoutAskingForPayment() {
        Shopper shopper = Shopper.create();
        UUID scarce = UUID.randomUUID();
        downstreams.outOfStock(scarce);
        downstreams.cart(shopper.token(), List.of(StubDownstreams.item(scarce, "RARE-1", "Rare print", 1, "99.00")));

        Response placed = placeOrder(shopper, UUID.randomUUID().toString(), body("tok_visa"));

        assertThat(placed.status()).isEqualTo(201);
        assertThat(placed.body().get("status").asString()).isEqualTo("REJECTED");
        assertThat(placed.body().get("rejectionReason").asString()).isEqualTo("OUT_OF_STOCK");
        assertThat(downstreams.payments(placed.id())).isEmpty();
        assertThat(wire.data(onlyEventOf(placed.id()), OrderRejected.class).reason()).isEqualTo("OUT_OF_STOCK");
    }

    @Test
    void replayingTheSameRequestReturnsTheSameOrderAndPaysOnce() {
        Shopper shopper = shopperWithCart();
        String key = UUID.randomUUID().toString();

        Response first = placeOrder(shopper, key, body("tok_visa"));
        // The same request, written differently: other field order, surrounding blanks, lower-case country.
        Response replay = placeOrder(shopper, key, """
                {"shippingAddress":{"country":"nl","postalCode":"3511 AB","city":"Utrecht","line1":" 1 Main Street",
                 "name":"Ada Lovelace "},"paymentToken":"tok_visa"}""");

        assertThat(first.status()).isEqualTo(201);
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.id()).isEqualTo(first.id());
        assertThat(replay.header("Location")).isEqualTo("/api/orders/" + first.id());
        assertThat(downstreams.payments(first.id())).hasSize(1);
        assertThat(storedOrdersOf(shopper)).isEqualTo(1);
        onlyEventOf(first.id());
    }

    @Test
    void concurrentDuplicatesResolveToOneOrder() throws Exception {
        Shopper shopper = shopperWithCart();
        String key = UUID.randomUUID().toString();
        List<Callable<Response>> attempts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            attempts.add(() -> placeOrder(shopper, key, body("tok_visa")));
        }

        List<Response> responses = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(4)) {
            for (Future<Response> response : pool.invokeAll(attempts)) {
                responses.add(response.get());
            }
        }

        assertThat(responses).extracting(Response::status).allMatch(status -> status == 201 || status == 202);
        assertThat(responses).extracting(Response::id).containsOnly(responses.getFirst().id());
        assertThat(storedOrdersOf(shopper)).isEqualTo(1);
        UUID orderId = responses.getFirst().id();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(get(shopper, "/api/orders/" + orderId).body().get("status").asString()).isEqualTo("CONFIRMED"));
        assertThat(onlyEventOf(orderId).type()).isEqualTo(OrderEvents.ORDER_CONFIRMED);
    }

    @Test
    void refusesToReuseAKeyForADifferentRequest() {
        Shopper shopper = shopperWithCart();
        String key = UUID.randomUUID().toString();
        Response first = placeOrder(shopper, key, body("tok_visa"));

        Response other = placeOrder(shopper, key, Map.of("paymentToken", "tok_visa",
                "shippingAddress", address("Someone Else")));

        assertThat(other.status()).isEqualTo(422);
        assertThat(other.header("Content-Type")).startsWith("application/problem+json");
        assertThat(downstreams.payments(first.id())).hasSize(1);
        assertThat(storedOrdersOf(shopper)).isEqualTo(1);
    }

    @Test
    void keepsIdempotencyKeysApartPerCustomer() {
        Shopper ada = shopperWithCart();
        Shopper bob = shopperWithCart();
        String key = UUID.randomUUID().toString();

        Response adas = placeOrder(ada, key, body("tok_visa"));
        Response bobs = placeOrder(bob, key, body("tok_visa"));

        assertThat(adas.status()).isEqualTo(201);
        assertThat(bobs.status()).isEqualTo(201);
        assertThat(bobs.id()).isNotEqualTo(adas.id());
    }

    @Test
    void requiresAnIdempotencyKey() {
        Shopper shopper = shopperWithCart();

        Response missing = placeOrder(shopper, null, body("tok_visa"));
        Response tooLong = placeOrder(shopper, "k".repeat(256), body("tok_visa"));

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(storedOrdersOf(shopper)).isZero();
    }

    @Test
    void refusesToCheckOutAnEmptyCart() {
        Shopper shopper = Shopper.create();

        Response placed = placeOrder(shopper, UUID.randomUUID().toString(), body("tok_visa"));

        assertThat(placed.status()).isEqualTo(422);
        assertThat(placed.header("Content-Type")).startsWith("application/problem+json");
        assertThat(storedOrdersOf(shopper)).isZero();
    }

    @Test
    void answers503AndStoresNothingWhenTheCartCannotBeRead() {
        Shopper shopper = shopperWithCart();
        downstreams.breakCart(shopper.token());
        String key = UUID.randomUUID().toString();

        Response placed = placeOrder(shopper, key, body("tok_visa"));

        assertThat(placed.status()).isEqualTo(503);
        assertThat(placed.header("Content-Type")).startsWith("application/problem+json");
        assertThat(placed.header("Retry-After")).isEqualTo("5");
        assertThat(storedOrdersOf(shopper)).isZero();
        assertThat(jdbc.sql("select count(*) from order_idempotency_key where customer_id = ?").param(shopper.id())
                .query(Long.class).single()).isZero();
    }

    @Test
    void leavesTheOrderPendingWhileTheCatalogIsDownAndConfirmsItOnceItIsBack() {
        Shopper shopper = shopperWithCart();
        downstreams.catalogDown(true);

        Response placed = placeOrder(shopper, UUID.randomUUID().toString(), body("tok_visa"));

        assertThat(placed.status()).isEqualTo(202);
        assertThat(placed.body().get("status").asString()).isEqualTo("PENDING");
        assertThat(placed.header("Location")).isEqualTo("/api/orders/" + placed.id());
        assertThat(downstreams.payments(placed.id())).isEmpty();
        assertThat(get(shopper, "/api/orders/" + placed.id()).body().get("status").asString()).isEqualTo("PENDING");

        downstreams.catalogDown(false);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                get(shopper, "/api/orders/" + placed.id()).body().get("status").asString()).isEqualTo("CONFIRMED"));
        assertThat(onlyEventOf(placed.id()).type()).isEqualTo(OrderEvents.ORDER_CONFIRMED);
        assertThat(downstreams.payments(placed.id())).hasSize(1);
    }

    @Test
    void finishesADecidedRejectionOnceTheStockCanBeReleasedWithoutPayingAgain() {
        Shopper shopper = shopperWithCart();
        downstreams.releasesDown(true);

        Response placed = placeOrder(shopper, UUID.randomUUID().toString(), body(StubDownstreams.DECLINED_TOKEN));

        assertThat(placed.status()).isEqualTo(202);
        assertThat(placed.body().get("status").asString()).isEqualTo("PENDING");
        assertThat(jdbc.sql("select pending_rejection from orders where id = ?").param(placed.id())
                .query(String.class).single()).isEqualTo("PAYMENT_DECLINED");

        downstreams.releasesDown(false);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                get(shopper, "/api/orders/" + placed.id()).body().get("rejectionReason").asString())
                .isEqualTo("PAYMENT_DECLINED"));
        assertThat(downstreams.payments(placed.id())).hasSize(1);
        assertThat(wire.data(onlyEventOf(placed.id()), OrderRejected.class).reason()).isEqualTo("PAYMENT_DECLINED");
    }

    @Test
    void hidesOtherCustomersOrders() {
        Shopper owner = shopperWithCart();
        Shopper stranger = Shopper.create();
        Response placed = placeOrder(owner, UUID.randomUUID().toString(), body("tok_visa"));

        Response peek = get(stranger, "/api/orders/" + placed.id());

        assertThat(peek.status()).isEqualTo(404);
        assertThat(peek.header("Content-Type")).startsWith("application/problem+json");
        assertThat(get(stranger, "/api/orders").body().size()).isZero();
        assertThat(get(owner, "/api/orders/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(get(owner, "/api/orders/not-a-uuid").status()).isEqualTo(400);
    }

    @Test
    void listsTheCustomersOrdersNewestFirst() {
        Shopper shopper = shopperWithCart();
        Response older = placeOrder(shopper, UUID.randomUUID().toString(), body("tok_visa"));
        Response newer = placeOrder(shopper, UUID.randomUUID().toString(), body(StubDownstreams.DECLINED_TOKEN));

        Response list = get(shopper, "/api/orders");

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().isArray()).isTrue();
        assertThat(list.body().valueStream().map(order -> order.get("id").asString()).toList())
                .containsExactly(newer.id().toString(), older.id().toString());
    }

    @Test
    void requiresABearerToken() {
        Response anonymousPost = placeOrder(null, UUID.randomUUID().toString(), body("tok_visa"));
        Response anonymousList = get(null, "/api/orders");

        assertThat(anonymousPost.status()).isEqualTo(401);
        assertThat(anonymousPost.header("Content-Type")).startsWith("application/problem+json");
        assertThat(anonymousList.status()).isEqualTo(401);
    }

    @Test
    void rejectsInvalidBodiesWithAProblemAndStoresNothing() {
        Shopper shopper = shopperWithCart();
        Map<String, Object> longName = new HashMap<>(address("x".repeat(201)));
        Map<String, Object> badCountry = new HashMap<>(address("Ada"));
        badCountry.put("country", "NLD");
        Map<String, Object> blankCity = new HashMap<>(address("Ada"));
        blankCity.put("city", " ");
        List<Object> bodies = List.of(
                Map.of("shippingAddress", address("Ada")),
                Map.of("paymentToken", "", "shippingAddress", address("Ada")),
                Map.of("paymentToken", "tok_visa"),
                Map.of("paymentToken", "tok_visa", "shippingAddress", longName),
                Map.of("paymentToken", "tok_visa", "shippingAddress", badCountry),
                Map.of("paymentToken", "tok_visa", "shippingAddress", blankCity),
                "{not json",
                "[]");

        for (Object body : bodies) {
            Response response = placeOrder(shopper, UUID.randomUUID().toString(), body);
            assertThat(response.status()).as("status for %s", body).isEqualTo(400);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        }
        assertThat(storedOrdersOf(shopper)).isZero();
    }
}
