package com.example.shop.order.ordering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.example.shop.contracts.order.OrderConfirmed;
import com.example.shop.contracts.order.OrderEvents;
import com.example.shop.contracts.order.OrderRejected;
import com.example.shop.order.ordering.LifecycleFixture.Response;
import com.example.shop.order.ordering.LifecycleFixture.Shopper;
import com.example.shop.platform.messaging.EventEnvelope;
import com.example.shop.platform.messaging.Events;
import com.example.shop.platform.testsupport.TestKafka;
import com.example.shop.platform.testsupport.TestPostgres;
import com.example.shop.platform.testsupport.TestTokens;
import com.example.shop.platform.testsupport.TopicRecorder;

/**
 * Checkout with loyalty points through the real HTTP API, with a real PostgreSQL and Kafka; cart-, catalog-,
 * payment- and loyalty-service are stubbed at their HTTP boundary ({@link StubDownstreams}: a point is worth
 * 0.01, a customer has {@link StubDownstreams#DEFAULT_POINTS} unless a test says otherwise).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "shop.messaging.relay.poll-interval=100ms",
        "shop.order.recovery.interval=300ms",
        "shop.order.recovery.stale-after=1s",
        "shop.order.recovery.lease=12s",
        "shop.order.payment-deadline=3s",
        "shop.order.loyalty-deadline=3s",
        "shop.clients.read-timeout=5s",
        "shop.clients.retry-backoff=50ms" })
class LoyaltyCheckoutIntegrationTests {

    private static final StubDownstreams downstreams = new StubDownstreams();
    private static TopicRecorder events;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestPostgres.register(registry, "orders_loyalty_test");
        TestKafka.register(registry);
        TestTokens.register(registry);
        registry.add("shop.clients.cart-url", downstreams::url);
        registry.add("shop.clients.catalog-url", downstreams::url);
        registry.add("shop.clients.payment-url", downstreams::url);
        registry.add("shop.clients.loyalty-url", downstreams::url);
    }

    @BeforeAll
    static void recordOrderEvents() {
        events = new TopicRecorder(OrderEvents.TOPIC);
    }

    @AfterAll
    static void stop() {
        events.close();
        downstreams.close();
    }

    @AfterEach
    void loyaltyBack() {
        downstreams.loyaltyDown(false);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CircuitBreakerRegistry breakers;

    @Autowired
    Events wire;

    @Autowired
    OrderRepository orders;

    @Autowired
    PlatformTransactionManager txManager;

    private LifecycleFixture api;
    private Shopper ada;

    @BeforeEach
    void fixture() {
        api = new LifecycleFixture(downstreams, port);
        ada = Shopper.create();
        downstreams.cart(ada.token(), LifecycleFixture.twoLines());
    }

    private static Map<String, Object> body(String paymentToken, Object points) {
        Map<String, Object> body = new HashMap<>(Map.of("paymentToken", paymentToken, "shippingAddress",
                Map.of("name", "Ada", "line1", "1 Main Street", "city", "Utrecht", "postalCode", "3511 AB",
                        "country", "NL")));
        if (points != null) {
            body.put("pointsToRedeem", points);
        }
        return body;
    }

    private Response placeWithKey(String key, Object body) {
        return api.send("POST", "/api/orders", ada.token(), body, Map.of("Idempotency-Key", key));
    }

    private Response place(String paymentToken, Object points) {
        return placeWithKey(UUID.randomUUID().toString(), body(paymentToken, points));
    }

    private static UUID id(Response response) {
        return UUID.fromString(response.status("id"));
    }

    private String amount(Response response, String field) {
        return response.body().get(field).get("amount").asString();
    }

    /** Waits for the order's first event, then makes sure no second one follows. */
    private EventEnvelope onlyEventOf(UUID orderId) {
        await().atMost(Duration.ofSeconds(15)).until(() -> !events.withKey(orderId.toString()).isEmpty());
        await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(3))
                .until(() -> events.withKey(orderId.toString()).size() == 1);
        return wire.read(events.withKey(orderId.toString()).getFirst().value());
    }

    private Response awaitFinal(UUID orderId) {
        await().atMost(Duration.ofSeconds(20)).until(() -> !api.customerView(ada, orderId).status("status")
                .equals("PENDING"));
        return api.customerView(ada, orderId);
    }

    @Test
    void holdsThePointsTakesTheirWorthOffAndAuthorisesOnlyTheAmountDue() {
        Response placed = place("tok_visa", 1000);

        assertThat(placed.status()).isEqualTo(201);
        assertThat(placed.status("status")).isEqualTo("CONFIRMED");
        UUID orderId = id(placed);
        assertThat(amount(placed, "total")).isEqualTo("89.97");
        assertThat(amount(placed, "discount")).isEqualTo("10.00");
        assertThat(amount(placed, "amountDue")).isEqualTo("79.97");
        assertThat(placed.body().get("pointsRedeemed").asLong()).isEqualTo(1000);
        assertThat(downstreams.holdRequests(orderId)).singleElement().satisfies(call -> {
            assertThat(call.body().get("customerId").asString()).isEqualTo(ada.id().toString());
            assertThat(call.body().get("points").asLong()).isEqualTo(1000);
            assertThat(call.body().get("currency").asString()).isEqualTo("EUR");
            assertThat(call.body().get("maxDiscount").get("amount").asString()).isEqualTo("89.97");
            assertThat(call.body().get("maxDiscount").get("currency").asString()).isEqualTo("EUR");
        });
        assertThat(downstreams.payments(orderId)).singleElement().satisfies(call ->
                assertThat(call.body().get("amount").get("amount").asString()).isEqualTo("79.97"));
        assertThat(downstreams.pointReleases(orderId)).isEmpty();
        assertThat(downstreams.releases(orderId)).isEmpty();

        EventEnvelope event = onlyEventOf(orderId);
        assertThat(event.type()).isEqualTo(OrderEvents.ORDER_CONFIRMED);
        OrderConfirmed confirmed = wire.data(event, OrderConfirmed.class);
        assertThat(confirmed.total().amount()).isEqualByComparingTo("89.97");
        assertThat(confirmed.discount().amount()).isEqualByComparingTo("10.00");
        assertThat(confirmed.discount().currency()).isEqualTo("EUR");
        assertThat(confirmed.pointsRedeemed()).isEqualTo(1000);
        assertThat(confirmed.amountDue().amount()).isEqualByComparingTo("79.97");
        assertThat(api.customerView(ada, orderId).body().get("amountDue")).isEqualTo(placed.body().get("amountDue"));
    }

    @Test
    void pointsWorthMoreThanTheTotalCoverItRedeemOnlyThePointsLoyaltyServiceHeldAndNoPaymentIsAsked() {
        Response placed = place("tok_visa", 10_000);

        assertThat(placed.status()).isEqualTo(201);
        assertThat(placed.status("status")).isEqualTo("CONFIRMED");
        UUID orderId = id(placed);
        assertThat(downstreams.holdRequests(orderId)).singleElement().satisfies(call -> {
            assertThat(call.body().get("points").asLong()).isEqualTo(10_000);
            assertThat(call.body().get("maxDiscount").get("amount").asString()).isEqualTo("89.97");
            assertThat(call.body().get("maxDiscount").get("currency").asString()).isEqualTo("EUR");
        });
        // loyalty-service answered 8997 held (what 89.97 needs): those are the points the order redeems.
        assertThat(downstreams.hold(orderId).points()).isEqualTo(8997);
        assertThat(amount(placed, "discount")).isEqualTo("89.97");
        assertThat(amount(placed, "amountDue")).isEqualTo("0.00");
        assertThat(placed.body().get("pointsRedeemed").asLong()).isEqualTo(8997);
        assertThat(jdbc.sql("select points_to_redeem, points_redeemed from orders where id = ?").param(orderId)
                .query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2))).single()).containsExactly(10_000L, 8997L);
        assertThat(api.customerView(ada, orderId).body().get("pointsRedeemed").asLong()).isEqualTo(8997);
        assertThat(downstreams.payments(orderId)).isEmpty();
        OrderConfirmed confirmed = wire.data(onlyEventOf(orderId), OrderConfirmed.class);
        assertThat(confirmed.pointsRedeemed()).isEqualTo(8997);
        assertThat(confirmed.discount().amount()).isEqualByComparingTo("89.97");
        assertThat(confirmed.amountDue().amount()).isEqualByComparingTo("0.00");
    }

    @Test
    void anOrderWithoutPointsNeverAsksLoyaltyServiceAndOwesItsTotal() {
        Response none = place("tok_visa", null);
        Response zero = place("tok_visa", 0);

        for (Response placed : List.of(none, zero)) {
            assertThat(placed.status("status")).isEqualTo("CONFIRMED");
            assertThat(amount(placed, "discount")).isEqualTo("0.00");
            assertThat(amount(placed, "amountDue")).isEqualTo("89.97");
            assertThat(placed.body().get("pointsRedeemed").asLong()).isZero();
            assertThat(downstreams.holdRequests(id(placed))).isEmpty();
            assertThat(downstreams.payments(id(placed)).getFirst().body().get("amount").get("amount").asString())
                    .isEqualTo("89.97");
            OrderConfirmed confirmed = wire.data(onlyEventOf(id(placed)), OrderConfirmed.class);
            assertThat(confirmed.discount().amount()).isEqualByComparingTo("0.00");
            assertThat(confirmed.pointsRedeemed()).isZero();
            assertThat(confirmed.amountDue().amount()).isEqualByComparingTo("89.97");
        }
    }

    @Test
    void aRefusedHoldRejectsTheOrderForInsufficientPointsAndGivesTheStockBack() {
        downstreams.points(ada.id(), 500);

        Response placed = place("tok_visa", 1000);

        assertThat(placed.status()).isEqualTo(201);
        assertThat(placed.status("status")).isEqualTo("REJECTED");
        assertThat(placed.status("rejectionReason")).isEqualTo("INSUFFICIENT_POINTS");
        UUID orderId = id(placed);
        assertThat(downstreams.releases(orderId)).hasSize(1);
        assertThat(downstreams.payments(orderId)).isEmpty();
        assertThat(downstreams.hold(orderId).status()).isEqualTo("REJECTED");
        EventEnvelope event = onlyEventOf(orderId);
        assertThat(event.type()).isEqualTo(OrderEvents.ORDER_REJECTED);
        assertThat(wire.data(event, OrderRejected.class).reason()).isEqualTo("INSUFFICIENT_POINTS");
    }

    @Test
    void aDeclinedPaymentReleasesTheHoldWithTheStock() {
        Response placed = place(StubDownstreams.DECLINED_TOKEN, 1000);

        assertThat(placed.status("status")).isEqualTo("REJECTED");
        assertThat(placed.status("rejectionReason")).isEqualTo("PAYMENT_DECLINED");
        UUID orderId = id(placed);
        assertThat(downstreams.payments(orderId).getFirst().body().get("amount").get("amount").asString())
                .isEqualTo("79.97");
        assertThat(downstreams.releases(orderId)).hasSize(1);
        assertThat(downstreams.pointReleases(orderId)).hasSize(1);
        assertThat(downstreams.hold(orderId).status()).isEqualTo("RELEASED");
        assertThat(wire.data(onlyEventOf(orderId), OrderRejected.class).reason()).isEqualTo("PAYMENT_DECLINED");
    }

    @Test
    void anUnavailablePaymentPastItsDeadlineIsCancelledAndTheHoldReleasedWithTheStock() {
        Response placed = place(StubDownstreams.UNAVAILABLE_TOKEN, 1000);

        assertThat(placed.status()).isEqualTo(202);
        UUID orderId = id(placed);
        assertThat(downstreams.hold(orderId).status()).isEqualTo("HELD");
        Response rejected = awaitFinal(orderId);
        assertThat(rejected.status("rejectionReason")).isEqualTo("PAYMENT_UNAVAILABLE");
        assertThat(downstreams.cancels(orderId)).hasSize(1);
        assertThat(downstreams.releases(orderId)).hasSize(1);
        assertThat(downstreams.hold(orderId).status()).isEqualTo("RELEASED");
        // Asked again under the same order id: one hold, the same amount due each time.
        assertThat(downstreams.holdRequests(orderId)).hasSize(1);
        assertThat(downstreams.payments(orderId)).hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(call -> assertThat(call.body().get("amount").get("amount").asString()).isEqualTo("79.97"));
        assertThat(wire.data(onlyEventOf(orderId), OrderRejected.class).reason()).isEqualTo("PAYMENT_UNAVAILABLE");
    }

    @Test
    void waitsForAnUnreachableLoyaltyServiceWithTheStockReservedAndConfirmsOnceItIsBack() {
        downstreams.loyaltyDown(true);

        Response placed = place("tok_visa", 1000);

        assertThat(placed.status()).isEqualTo(202);
        assertThat(placed.status("status")).isEqualTo("PENDING");
        UUID orderId = id(placed);
        assertThat(downstreams.payments(orderId)).isEmpty();
        assertThat(downstreams.releases(orderId)).isEmpty();

        downstreams.loyaltyDown(false);

        Response confirmed = awaitFinal(orderId);
        assertThat(confirmed.status("status")).isEqualTo("CONFIRMED");
        assertThat(amount(confirmed, "amountDue")).isEqualTo("79.97");
        assertThat(downstreams.payments(orderId)).hasSize(1);
        assertThat(onlyEventOf(orderId).type()).isEqualTo(OrderEvents.ORDER_CONFIRMED);
    }

    @Test
    void rejectsAnOrderWhoseLoyaltyServiceStaysUnreachablePastTheDeadlineAndGivesTheStockBack() {
        downstreams.loyaltyDown(true);

        Response placed = place("tok_visa", 1000);

        assertThat(placed.status()).isEqualTo(202);
        UUID orderId = id(placed);
        Response rejected = awaitFinal(orderId);
        assertThat(rejected.status("status")).isEqualTo("REJECTED");
        assertThat(rejected.status("rejectionReason")).isEqualTo("LOYALTY_UNAVAILABLE");
        assertThat(downstreams.releases(orderId)).hasSize(1);
        assertThat(downstreams.payments(orderId)).isEmpty();
        // The release was tried: sent, or refused at once by the loyalty breaker that the failing holds opened
        // (depending on how many recovery passes fit before the deadline). Either way loyalty-service releases
        // whatever it may hold on order.rejected.v1.
        if (downstreams.pointReleases(orderId).isEmpty()) {
            assertThat(breakers.circuitBreaker("loyalty").getMetrics().getNumberOfNotPermittedCalls()).isPositive();
        }
        assertThat(wire.data(onlyEventOf(orderId), OrderRejected.class).reason()).isEqualTo("LOYALTY_UNAVAILABLE");
    }

    /** Stores a PENDING order redeeming 1000 points as a checkout would, owned by a driver that then died. */
    private Order orderOfADeadDriver(UUID deadDriver, boolean holdRecorded) {
        Instant now = Instant.now();
        Order order = Order.place(OrderId.newId(), new CustomerId(ada.id()), ada.email(), List.of(
                new OrderLine(UUID.randomUUID(), "MUG-001", "Enamel mug", 3, Money.of("19.99", "EUR")),
                new OrderLine(UUID.randomUUID(), "PEN-002", "Fountain pen", 1, Money.of("30.00", "EUR"))),
                OrderTests.ADDRESS, "tok_visa", 1000, now);
        new TransactionTemplate(txManager).executeWithoutResult(status -> {
            // The lease ran out a moment ago: the recovery job may take the order at once.
            assertThat(orders.insert(order, UUID.randomUUID().toString(), "hash", deadDriver, now.minusSeconds(1)))
                    .isTrue();
            if (holdRecorded) {
                assertThat(orders.recordPointsHeld(order.pointsHeld(1000, Money.of("10.00", "EUR"), now), deadDriver,
                        now)).isTrue();
            }
        });
        return order;
    }

    @Test
    void theRecoveryJobFinishesACheckoutWhoseDriverDiedRightAfterLoyaltyHeldThePoints() throws Exception {
        Order order = orderOfADeadDriver(UUID.randomUUID(), false);
        // The dead driver's hold reached loyalty-service, but its answer was never stored.
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(downstreams.url() + "/internal/loyalty/holds"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(LifecycleFixture.json.writeValueAsString(Map.of(
                        "orderId", order.id().toString(), "customerId", ada.id().toString(), "points", 1000,
                        "currency", "EUR"))))
                .build(), HttpResponse.BodyHandlers.discarding());

        Response confirmed = awaitFinal(order.id().value());

        assertThat(confirmed.status("status")).isEqualTo("CONFIRMED");
        assertThat(amount(confirmed, "discount")).isEqualTo("10.00");
        assertThat(amount(confirmed, "amountDue")).isEqualTo("79.97");
        UUID orderId = order.id().value();
        assertThat(downstreams.holdRequests(orderId)).hasSize(2);
        assertThat(downstreams.hold(orderId)).isEqualTo(new StubDownstreams.Hold(ada.id().toString(), 1000, "HELD"));
        assertThat(downstreams.payments(orderId)).singleElement().satisfies(call ->
                assertThat(call.body().get("amount").get("amount").asString()).isEqualTo("79.97"));
        OrderConfirmed event = wire.data(onlyEventOf(orderId), OrderConfirmed.class);
        assertThat(event.pointsRedeemed()).isEqualTo(1000);
        assertThat(event.amountDue().amount()).isEqualByComparingTo("79.97");
    }

    @Test
    void theRecoveryJobPaysTheStoredAmountDueWithoutAskingLoyaltyServiceAgain() {
        Order order = orderOfADeadDriver(UUID.randomUUID(), true);
        UUID orderId = order.id().value();

        Response confirmed = awaitFinal(orderId);

        assertThat(confirmed.status("status")).isEqualTo("CONFIRMED");
        assertThat(downstreams.holdRequests(orderId)).isEmpty();
        assertThat(downstreams.payments(orderId)).singleElement().satisfies(call ->
                assertThat(call.body().get("amount").get("amount").asString()).isEqualTo("79.97"));
        assertThat(wire.data(onlyEventOf(orderId), OrderConfirmed.class).discount().amount())
                .isEqualByComparingTo("10.00");
    }

    @Test
    void refusesPointsThatAreNotAWholeNumberFromZeroToTenMillionAndStoresNothing() {
        for (Object points : List.<Object>of(-1, 10_000_001, 1.5, "abc", "-5", Map.of("points", 1), List.of(1))) {
            Response response = place("tok_visa", points);
            assertThat(response.status()).as("status for %s", points).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        assertThat(jdbc.sql("select count(*) from orders where customer_id = ?").param(ada.id()).query(Long.class)
                .single()).isZero();
    }

    @Test
    void aKeyReusedWithOtherPointsIsRefusedAndWithTheSamePointsReplaysTheOrder() {
        String key = UUID.randomUUID().toString();
        Response first = placeWithKey(key, body("tok_visa", 1000));

        Response replay = placeWithKey(key, body("tok_visa", 1000));
        Response otherPoints = placeWithKey(key, body("tok_visa", 2000));
        Response noPoints = placeWithKey(key, body("tok_visa", null));

        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.status("id")).isEqualTo(first.status("id"));
        assertThat(otherPoints.status()).isEqualTo(422);
        assertThat(noPoints.status()).isEqualTo(422);
        assertThat(downstreams.holdRequests(id(first))).hasSize(1);
        assertThat(new BigDecimal(amount(replay, "amountDue"))).isEqualByComparingTo("79.97");
    }
}
