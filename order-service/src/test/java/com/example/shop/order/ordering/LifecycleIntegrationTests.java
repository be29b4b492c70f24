package com.example.shop.order.ordering;

import static com.example.shop.order.ordering.LifecycleFixture.returnOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.example.shop.contracts.order.OrderEvents;
import com.example.shop.contracts.order.OrderRefunded;
import com.example.shop.contracts.order.OrderReturnReceived;
import com.example.shop.contracts.order.OrderReturned;
import com.example.shop.contracts.order.OrderShipped;
import com.example.shop.contracts.shipment.ShipmentEvents;
import com.example.shop.order.ordering.LifecycleFixture.Response;
import com.example.shop.order.ordering.LifecycleFixture.Shopper;
import com.example.shop.platform.messaging.EventEnvelope;
import com.example.shop.platform.messaging.Events;
import com.example.shop.platform.testsupport.SampleEvents;
import com.example.shop.platform.testsupport.TestKafka;
import com.example.shop.platform.testsupport.TestPostgres;
import com.example.shop.platform.testsupport.TestTokens;
import com.example.shop.platform.testsupport.TopicRecorder;

import tools.jackson.databind.node.ObjectNode;

/**
 * The order lifecycle after checkout through the real HTTP API, with a real PostgreSQL and a real Kafka broker;
 * cart-, catalog-, payment- and shipping-service are stubbed at their HTTP boundary ({@link StubDownstreams}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "shop.messaging.relay.poll-interval=100ms",
        "shop.order.recovery.interval=300ms",
        "shop.order.recovery.stale-after=1s",
        "shop.order.recovery.lease=12s",
        "shop.clients.read-timeout=5s",
        "shop.clients.retry-backoff=50ms" })
class LifecycleIntegrationTests {

    private static final StubDownstreams downstreams = new StubDownstreams();
    private static TopicRecorder events;
    private static KafkaProducer<String, String> shipmentEvents;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestPostgres.register(registry, "orders_lifecycle_test");
        TestKafka.register(registry);
        TestTokens.register(registry);
        registry.add("shop.clients.cart-url", downstreams::url);
        registry.add("shop.clients.catalog-url", downstreams::url);
        registry.add("shop.clients.payment-url", downstreams::url);
        registry.add("shop.clients.shipping-url", downstreams::url);
        registry.add("shop.clients.loyalty-url", downstreams::url);
    }

    @BeforeAll
    static void connect() {
        events = new TopicRecorder(OrderEvents.TOPIC);
        shipmentEvents = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
    }

    @AfterAll
    static void stop() {
        shipmentEvents.close();
        events.close();
        downstreams.close();
    }

    @AfterEach
    void dependenciesBack() {
        downstreams.variantsDown(false);
        downstreams.shipmentsDown(false);
        downstreams.capturesDown(false);
        downstreams.refundsDown(false);
        downstreams.cancelsDown(false);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Events wire;

    private LifecycleFixture api;
    private Shopper ada;

    @BeforeEach
    void fixture() {
        api = new LifecycleFixture(downstreams, port);
        ada = Shopper.create();
    }

    private List<String> typesOf(UUID orderId) {
        return events.withKey(orderId.toString()).stream().map(record -> wire.read(record.value()).type()).toList();
    }

    /** Waits until the order's events are exactly {@code types}, and stay so for a moment. */
    private void eventsAre(UUID orderId, String... types) {
        await().atMost(Duration.ofSeconds(15)).until(() -> typesOf(orderId).equals(List.of(types)));
        await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(3))
                .until(() -> typesOf(orderId).equals(List.of(types)));
    }

    private EventEnvelope event(UUID orderId, String type) {
        return events.withKey(orderId.toString()).stream().map(record -> wire.read(record.value()))
                .filter(envelope -> envelope.type().equals(type)).findFirst().orElseThrow();
    }

    private void publishShipmentEvent(UUID orderId, String type, ObjectNode event) {
        shipmentEvents.send(new ProducerRecord<>(ShipmentEvents.TOPIC, orderId.toString(), SampleEvents.toJson(event)));
        shipmentEvents.flush();
    }

    private ObjectNode shipmentEvent(UUID orderId, String type) {
        ObjectNode event = SampleEvents.load(ShipmentEvents.TOPIC, type, orderId.toString());
        SampleEvents.data(event).put("orderId", orderId.toString());
        return event;
    }

    private UUID deliveredOrder() {
        UUID orderId = api.confirmedOrder(ada);
        assertThat(api.ship(orderId).status()).isEqualTo(200);
        assertThat(api.deliver(orderId).status()).isEqualTo(200);
        return orderId;
    }

    // ---- ship ----------------------------------------------------------------------------------------------

    @Test
    void shipsAConfirmedOrderWithALabelForItsWeightAndCapturesThePayment() {
        UUID orderId = api.confirmedOrder(ada);

        Response shipped = api.ship(orderId);

        assertThat(shipped.status()).isEqualTo(200);
        assertThat(shipped.status("status")).isEqualTo("SHIPPED");
        assertThat(shipped.body().get("shipment").get("carrier").asString()).isEqualTo("PARCELCO");
        assertThat(shipped.body().get("shipment").get("trackingNumber").asString()).startsWith("PC");
        assertThat(shipped.body().get("pendingAction").isNull()).isTrue();
        assertThat(shipped.historyCauses()).containsExactly("PLACED", "CHECKOUT", "SHIP_REQUESTED", "SHIPPED");
        assertThat(downstreams.labels(orderId)).singleElement().satisfies(call -> {
            assertThat(call.body().get("weightGrams").asInt()).isEqualTo(4 * StubDownstreams.GRAMS_PER_UNIT);
            assertThat(call.body().get("customerId").asString()).isEqualTo(ada.id().toString());
        });
        assertThat(downstreams.ledger(orderId).captured).isEqualByComparingTo("89.97");
        eventsAre(orderId, OrderEvents.ORDER_CONFIRMED, OrderEvents.ORDER_SHIPPED);
        OrderShipped event = wire.data(event(orderId, OrderEvents.ORDER_SHIPPED), OrderShipped.class);
        assertThat(event.trackingNumber()).isEqualTo(shipped.body().get("shipment").get("trackingNumber").asString());
        assertThat(event.total().amount()).isEqualByComparingTo("89.97");
    }

    @Test
    void shippingAgainAnswersTheShippedOrderWithoutASecondLabelOrCapture() {
        UUID orderId = api.confirmedOrder(ada);
        api.ship(orderId);

        Response again = api.ship(orderId);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.status("status")).isEqualTo("SHIPPED");
        assertThat(downstreams.labels(orderId)).hasSize(1);
        assertThat(downstreams.captures(orderId)).hasSize(1);
        eventsAre(orderId, OrderEvents.ORDER_CONFIRMED, OrderEvents.ORDER_SHIPPED);
    }

    @Test
    void aRefusedCaptureEndsTheShipIntentAndLeavesTheOrderConfirmedWithTheProblemInItsHistory() {
        UUID orderId = api.confirmedOrder(ada);
        downstreams.refuseCapture(orderId);

        Response refused = api.ship(orderId);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        Response view = api.adminView(orderId);
        assertThat(view.status("status")).isEqualTo("CONFIRMED");
        assertThat(view.body().get("pendingAction").isNull()).isTrue();
        assertThat(view.status("problem")).contains("SHIP failed");
        assertThat(view.historyCauses()).endsWith("SHIP_REQUESTED", "SHIP_FAILED");
        eventsAre(orderId, OrderEvents.ORDER_CONFIRMED);
    }

    @Test
    void anAddressNoCarrierServesEndsTheShipIntentWithoutCapturing() {
        UUID orderId = api.confirmedOrder(ada, "XX");

        assertThat(api.ship(orderId).status()).isEqualTo(409);
        assertThat(downstreams.captures(orderId)).isEmpty();
        assertThat(api.adminView(orderId).status("status")).isEqualTo("CONFIRMED");
    }

    @Test
    void aShipWhileTheCatalogIsDownIsAcceptedAndFinishedByTheRecoveryJob() {
        UUID orderId = api.confirmedOrder(ada);
        downstreams.variantsDown(true);

        Response accepted = api.ship(orderId);

        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.status("pendingAction")).isEqualTo("SHIP");
        assertThat(downstreams.labels(orderId)).isEmpty();
        downstreams.variantsDown(false);
        await().atMost(Duration.ofSeconds(15)).until(() -> api.adminView(orderId).status("status").equals("SHIPPED"));
        assertThat(downstreams.captures(orderId)).hasSize(1);
        eventsAre(orderId, OrderEvents.ORDER_CONFIRMED, OrderEvents.ORDER_SHIPPED);
    }

    @Test
    void theRecoveryJobFinishesAShipWhoseDriverDiedAfterTheLabel() {
        UUID orderId = api.confirmedOrder(ada);
        downstreams.capturesDown(true);
        assertThat(api.ship(orderId).status()).isEqualTo(202);
        assertThat(downstreams.labels(orderId)).isNotEmpty();
        // The driver is gone: its lease ran out; another replica's recovery finds the intent.
        jdbc.sql("update orders set lease_owner = ?, lease_until = now() where id = ?")
                .params(UUID.randomUUID(), orderId).update();
        downstreams.capturesDown(false);

        await().atMost(Duration.ofSeconds(15)).until(() -> api.adminView(orderId).status("status").equals("SHIPPED"));
        assertThat(downstreams.ledger(orderId).captures).isEqualTo(1);
        assertThat(downstreams.shipments()).containsKey(orderId.toString());
        eventsAre(orderId, OrderEvents.ORDER_CONFIRMED, OrderEvents.ORDER_SHIPPED);
    }

    // ---- cancel --------------------------------------------------------------------------------------------

    @Test
    void theCustomerCancelsAConfirmedOrderAndThePaymentIsVoided() {
        UUID orderId = api.confirmedOrder(ada);

        Response cancelled = api.cancel(ada, orderId);

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.status("status")).isEqualTo("CANCELLED");
        assertThat(cancelled.status("cancelledBy")).isEqualTo("CUSTOMER");
        assertThat(cancelled.historyCauses()).endsWith("CANCEL_REQUESTED", "CANCELLED");
        assertThat(downstreams.ledger(orderId).cancelled).isTrue();
        assertThat(api.cancel(ada, orderId).status()).isEqualTo(200);
        assertThat(downstreams.cancels(orderId)).hasSize(1);
        assertThat(api.ship(orderId).status()).isEqualTo(409);
        eventsAre(orderId, OrderEvents.ORDER_CONFIRMED, OrderEvents.ORDER_CANCELLED);
    }

    @Test
    void aShippedOrderCannotBeCancelled() {
        UUID orderId = api.confirmedOrder(ada);
        api.ship(orderId);

        Response refused = api.cancel(ada, orderId);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(api.admin("POST", "/api/admin/orders/" + orderId + "/cancel").status()).isEqualTo(409);
        assertThat(downstreams.cancels(orderId)).isEmpty();
    }

    @Test
    void theRecoveryJobFinishesACancelWhileThePaymentServiceWasDown() {
        UUID orderId = api.confirmedOrder(ada);
        downstreams.cancelsDown(true);

        Response accepted = api.admin("POST", "/api/admin/orders/" + orderId + "/cancel");

        assertThat(accepted.status()).isEqualTo(202);
        assertThat(api.ship(orderId).status()).isEqualTo(409);
        downstreams.cancelsDown(false);
        await().atMost(Duration.ofSeconds(15))
                .until(() -> api.adminView(orderId).status("status").equals("CANCELLED"));
        assertThat(api.adminView(orderId).status("cancelledBy")).isEqualTo("ADMIN");
        eventsAre(orderId, OrderEvents.ORDER_CONFIRMED, OrderEvents.ORDER_CANCELLED);
    }

    @Test
    void theRecoveryJobFinishesACancelIntentWhoseDriverDied() {
        UUID orderId = api.confirmedOrder(ada);
        // Recorded, then the process died before calling payment-service.
        jdbc.sql("""
                update orders set pending_action = 'CANCEL', pending_action_by = 'CUSTOMER', lease_owner = ?,
                    lease_until = now() where id = ?
                """).params(UUID.randomUUID(), orderId).update();

        await().atMost(Duration.ofSeconds(15))
                .until(() -> api.customerView(ada, orderId).status("status").equals("CANCELLED"));
        eventsAre(orderId, OrderEvents.ORDER_CONFIRMED, OrderEvents.ORDER_CANCELLED);
    }

    // ---- deliver -------------------------------------------------------------------------------------------

    @Test
    void theCarriersDeliveryDeliversTheOrderOnceAndTrackingIsKept() {
        UUID orderId = api.confirmedOrder(ada);
        api.ship(orderId);
        ObjectNode tracking = shipmentEvent(orderId, ShipmentEvents.SHIPMENT_TRACKING_UPDATED);
        ObjectNode delivered = shipmentEvent(orderId, ShipmentEvents.SHIPMENT_DELIVERED);

        publishShipmentEvent(orderId, ShipmentEvents.SHIPMENT_TRACKING_UPDATED, tracking);
        publishShipmentEvent(orderId, ShipmentEvents.SHIPMENT_DELIVERED, delivered);
        publishShipmentEvent(orderId, ShipmentEvents.SHIPMENT_DELIVERED, delivered);
        publishShipmentEvent(orderId, ShipmentEvents.SHIPMENT_DELIVERED,
                shipmentEvent(orderId, ShipmentEvents.SHIPMENT_DELIVERED));

        await().atMost(Duration.ofSeconds(15))
                .until(() -> api.customerView(ada, orderId).status("status").equals("DELIVERED"));
        eventsAre(orderId, OrderEvents.ORDER_CONFIRMED, OrderEvents.ORDER_SHIPPED, OrderEvents.ORDER_DELIVERED);
        Response view = api.customerView(ada, orderId);
        assertThat(view.body().get("shipment").get("tracking")).singleElement()
                .satisfies(event -> assertThat(event.get("status").asString()).isEqualTo("IN_TRANSIT"));
        assertThat(view.historyCauses()).containsOnlyOnce("DELIVERED");
        assertThat(view.body().get("history").get(view.body().get("history").size() - 1).get("actor").asString())
                .isEqualTo("CARRIER");
        assertThat(api.deliver(orderId).status()).isEqualTo(200);
    }

    @Test
    void aDeliveryReportedBeforeTheShipmentIsRecordedIsAppliedOnceTheOrderShips() {
        UUID orderId = api.confirmedOrder(ada);
        downstreams.capturesDown(true);
        assertThat(api.ship(orderId).status()).isEqualTo(202);

        publishShipmentEvent(orderId, ShipmentEvents.SHIPMENT_DELIVERED,
                shipmentEvent(orderId, ShipmentEvents.SHIPMENT_DELIVERED));
        await().atMost(Duration.ofSeconds(15))
                .until(() -> api.adminView(orderId).historyCauses().contains("DELIVERY_REPORTED_EARLY"));
        downstreams.capturesDown(false);

        await().atMost(Duration.ofSeconds(15))
                .until(() -> api.adminView(orderId).status("status").equals("DELIVERED"));
        eventsAre(orderId, OrderEvents.ORDER_CONFIRMED, OrderEvents.ORDER_SHIPPED, OrderEvents.ORDER_DELIVERED);
    }

    @Test
    void onlyAShippedOrderCanBeDelivered() {
        UUID orderId = api.confirmedOrder(ada);

        assertThat(api.deliver(orderId).status()).isEqualTo(409);
    }

    // ---- returns and refunds -------------------------------------------------------------------------------

    @Test
    void returnedUnitsAreReceivedAndRefundedAtThePricePaidUntilTheOrderIsReturned() {
        UUID orderId = deliveredOrder();

        Response requested = api.requestReturn(ada, orderId, returnOf(1, 2));
        assertThat(requested.status()).isEqualTo(201);
        String firstReturn = requested.lastReturn().get("id").asString();
        assertThat(requested.lastReturn().get("status").asString()).isEqualTo("REQUESTED");
        assertThat(requested.lastReturn().get("value").get("amount").asString()).isEqualTo("39.98");

        assertThat(api.receive(orderId, firstReturn, true).status()).isEqualTo(200);
        Response refunded = api.refund(orderId, firstReturn);
        assertThat(refunded.status()).isEqualTo(200);
        assertThat(refunded.lastReturn().get("status").asString()).isEqualTo("REFUNDED");
        assertThat(refunded.status("status")).isEqualTo("DELIVERED");
        assertThat(downstreams.ledger(orderId).refunded).isEqualByComparingTo("39.98");

        // Repeats change nothing.
        assertThat(api.receive(orderId, firstReturn, false).status()).isEqualTo(200);
        assertThat(api.refund(orderId, firstReturn).status()).isEqualTo(200);
        assertThat(downstreams.refunds(orderId)).hasSize(1);

        Response rest = api.requestReturn(ada, orderId, Map.of("lines", List.of(Map.of("lineNo", 1, "quantity", 1),
                Map.of("lineNo", 2, "quantity", 1))));
        String secondReturn = rest.lastReturn().get("id").asString();
        api.receive(orderId, secondReturn, false);
        Response returned = api.refund(orderId, secondReturn);

        assertThat(returned.status("status")).isEqualTo("RETURNED");
        assertThat(returned.historyCauses()).endsWith("REFUNDED", "RETURNED");
        assertThat(downstreams.ledger(orderId).refunded).isEqualByComparingTo("89.97");
        eventsAre(orderId, OrderEvents.ORDER_CONFIRMED, OrderEvents.ORDER_SHIPPED, OrderEvents.ORDER_DELIVERED,
                OrderEvents.ORDER_RETURN_REQUESTED, OrderEvents.ORDER_RETURN_RECEIVED, OrderEvents.ORDER_REFUNDED,
                OrderEvents.ORDER_RETURN_REQUESTED, OrderEvents.ORDER_RETURN_RECEIVED, OrderEvents.ORDER_REFUNDED,
                OrderEvents.ORDER_RETURNED);
        OrderReturned done = wire.data(event(orderId, OrderEvents.ORDER_RETURNED), OrderReturned.class);
        assertThat(done.totalRefunded().amount()).isEqualByComparingTo("89.97");
        assertThat(done.customerId()).isEqualTo(ada.id());
        OrderReturnReceived received = wire.data(event(orderId, OrderEvents.ORDER_RETURN_RECEIVED),
                OrderReturnReceived.class);
        assertThat(received.restocked()).isTrue();
        assertThat(received.lines()).singleElement().satisfies(line -> assertThat(line.quantity()).isEqualTo(2));
        List<OrderRefunded> refunds = events.withKey(orderId.toString()).stream().map(r -> wire.read(r.value()))
                .filter(e -> e.type().equals(OrderEvents.ORDER_REFUNDED))
                .map(e -> wire.data(e, OrderRefunded.class)).toList();
        assertThat(refunds).extracting(r -> r.totalRefunded().amount())
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("39.98"), new BigDecimal("89.97"));
    }

    @Test
    void refundsOfAnOrderPaidPartlyWithPointsAreSharesOfTheAmountDueThatAddUpToItExactly() {
        // 3 x 33.33 = 99.99, 1000 points = 10.00 off: 89.99 due. One unit's share is 33.33 x 89.99 / 99.99 = 29.9966...
        UUID orderId = api.confirmedOrder(ada, "NL",
                List.of(StubDownstreams.item(UUID.randomUUID(), "CUP-003", "Tea cup", 3, "33.33")), 1000);
        Response confirmed = api.adminView(orderId);
        assertThat(confirmed.body().get("discount").get("amount").asString()).isEqualTo("10.00");
        assertThat(confirmed.body().get("amountDue").get("amount").asString()).isEqualTo("89.99");
        assertThat(confirmed.body().get("pointsRedeemed").asLong()).isEqualTo(1000);
        assertThat(api.ship(orderId).status()).isEqualTo(200);
        assertThat(downstreams.ledger(orderId).captured).isEqualByComparingTo("89.99");
        assertThat(api.deliver(orderId).status()).isEqualTo(200);
        String first = api.requestReturn(ada, orderId, returnOf(1, 1)).lastReturn().get("id").asString();
        String second = api.requestReturn(ada, orderId, returnOf(1, 1)).lastReturn().get("id").asString();
        String third = api.requestReturn(ada, orderId, returnOf(1, 1)).lastReturn().get("id").asString();
        for (String ret : List.of(first, second, third)) {
            api.receive(orderId, ret, true);
        }

        // Refunded out of order: the one that completes the order is the second.
        Response afterThird = api.refund(orderId, third);
        assertThat(afterThird.status()).isEqualTo(200);
        assertThat(downstreams.ledger(orderId).refunded).isEqualByComparingTo("30.00");
        api.refund(orderId, first);
        assertThat(downstreams.ledger(orderId).refunded).isEqualByComparingTo("60.00");
        assertThat(downstreams.ledger(orderId).captured.subtract(downstreams.ledger(orderId).refunded))
                .as("captured - refunded = the share of the unit not yet returned").isEqualByComparingTo("29.99");
        Response returned = api.refund(orderId, second);

        assertThat(returned.status("status")).isEqualTo("RETURNED");
        assertThat(returned.body().get("returns").valueStream()
                .map(ret -> ret.get("id").asString() + "=" + ret.get("refunded").get("amount").asString()).toList())
                .containsExactlyInAnyOrder(first + "=30.00", second + "=29.99", third + "=30.00");
        assertThat(downstreams.ledger(orderId).refunded).isEqualByComparingTo("89.99");
        assertThat(downstreams.refunds(orderId)).extracting(call -> call.body().get("amount").get("amount").asString())
                .containsExactly("30.00", "30.00", "29.99");
        eventsAre(orderId, OrderEvents.ORDER_CONFIRMED, OrderEvents.ORDER_SHIPPED, OrderEvents.ORDER_DELIVERED,
                OrderEvents.ORDER_RETURN_REQUESTED, OrderEvents.ORDER_RETURN_REQUESTED,
                OrderEvents.ORDER_RETURN_REQUESTED, OrderEvents.ORDER_RETURN_RECEIVED,
                OrderEvents.ORDER_RETURN_RECEIVED, OrderEvents.ORDER_RETURN_RECEIVED, OrderEvents.ORDER_REFUNDED,
                OrderEvents.ORDER_REFUNDED, OrderEvents.ORDER_REFUNDED, OrderEvents.ORDER_RETURNED);
        OrderReturned done = wire.data(event(orderId, OrderEvents.ORDER_RETURNED), OrderReturned.class);
        assertThat(done.totalRefunded().amount()).isEqualByComparingTo("89.99");
    }

    @Test
    void aFullReturnOfTwoLinesWithADiscountRefundsSharesThatAddUpToTheAmountDue() {
        // 59.97 + 30.00 = 89.97, 999 points = 9.99 off: 79.98 due.
        UUID orderId = api.confirmedOrder(ada, "NL", LifecycleFixture.twoLines(), 999);
        api.ship(orderId);
        api.deliver(orderId);
        String mugs = api.requestReturn(ada, orderId, returnOf(1, 3)).lastReturn().get("id").asString();
        api.receive(orderId, mugs, false);
        api.refund(orderId, mugs);
        // 59.97 x 79.98 / 89.97 = 53.3113...
        assertThat(downstreams.ledger(orderId).refunded).isEqualByComparingTo("53.31");
        String pen = api.requestReturn(ada, orderId, returnOf(2, 1)).lastReturn().get("id").asString();
        api.receive(orderId, pen, false);

        Response returned = api.refund(orderId, pen);

        assertThat(returned.status("status")).isEqualTo("RETURNED");
        assertThat(downstreams.ledger(orderId).refunded).isEqualByComparingTo("79.98");
        assertThat(returned.lastReturn().get("refunded").get("amount").asString()).isEqualTo("26.67");
    }

    @Test
    void aReturnMustBeReceivedBeforeItIsRefunded() {
        UUID orderId = deliveredOrder();
        String returnId = api.requestReturn(ada, orderId, returnOf(2, 1)).lastReturn().get("id").asString();

        assertThat(api.refund(orderId, returnId).status()).isEqualTo(409);
        assertThat(api.refund(orderId, UUID.randomUUID().toString()).status()).isEqualTo(404);
        assertThat(downstreams.refunds(orderId)).isEmpty();
    }

    @Test
    void theRecoveryJobFinishesARefundWhilePaymentServiceWasDown() {
        UUID orderId = deliveredOrder();
        String returnId = api.requestReturn(ada, orderId, returnOf(2, 1)).lastReturn().get("id").asString();
        api.receive(orderId, returnId, true);
        downstreams.refundsDown(true);

        Response accepted = api.refund(orderId, returnId);

        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.lastReturn().get("refundRequested").asBoolean()).isTrue();
        downstreams.refundsDown(false);
        await().atMost(Duration.ofSeconds(15)).until(() -> api.adminView(orderId).lastReturn().get("status")
                .asString().equals("REFUNDED"));
        assertThat(downstreams.ledger(orderId).refunded).isEqualByComparingTo("30.00");
        assertThat(api.adminView(orderId).body().get("pendingAction").isNull()).isTrue();
    }

    @Test
    void returnsAskingForMoreThanIsLeftOrForUnknownLinesAreUnprocessable() {
        UUID orderId = deliveredOrder();
        assertThat(api.requestReturn(ada, orderId, returnOf(1, 3)).status()).isEqualTo(201);

        Response tooMany = api.requestReturn(ada, orderId, returnOf(1, 1));
        assertThat(tooMany.status()).isEqualTo(422);
        assertThat(tooMany.contentType()).startsWith("application/problem+json");
        assertThat(api.requestReturn(ada, orderId, returnOf(3, 1)).status()).isEqualTo(422);
        assertThat(api.requestReturn(ada, orderId, Map.of("lines", List.of(Map.of("lineNo", 2, "quantity", 1),
                Map.of("lineNo", 2, "quantity", 1)))).status()).isEqualTo(422);
        assertThat(api.requestReturn(ada, orderId, returnOf(2, 0)).status()).isEqualTo(400);
        assertThat(api.requestReturn(ada, orderId, Map.of("lines", List.of())).status()).isEqualTo(400);
        assertThat(api.requestReturn(ada, orderId, "{not json").status()).isEqualTo(400);
    }

    @Test
    void returnsAreRefusedAfterTheReturnWindowAndForOrdersNotDelivered() {
        UUID notDelivered = api.confirmedOrder(ada);
        assertThat(api.requestReturn(ada, notDelivered, returnOf(1, 1)).status()).isEqualTo(409);

        UUID orderId = deliveredOrder();
        jdbc.sql("update orders set delivered_at = ? where id = ?")
                .params(java.sql.Timestamp.from(Instant.now().minus(Duration.ofDays(31))), orderId).update();

        Response late = api.requestReturn(ada, orderId, returnOf(1, 1));
        assertThat(late.status()).isEqualTo(422);
        assertThat(late.body().get("detail").asString()).contains("return window");
    }

    // ---- who may do what -----------------------------------------------------------------------------------

    @Test
    void customersSeeAndActOnlyOnTheirOwnOrders() {
        UUID orderId = api.confirmedOrder(ada);
        Shopper bob = Shopper.create();

        assertThat(api.customerView(bob, orderId).status()).isEqualTo(404);
        assertThat(api.cancel(bob, orderId).status()).isEqualTo(404);
        assertThat(api.requestReturn(bob, orderId, returnOf(1, 1)).status()).isEqualTo(404);
        assertThat(api.customerView(ada, orderId).status()).isEqualTo(200);
        assertThat(api.customerView(ada, orderId).body().get("customerEmail").isNull()).isTrue();
    }

    @Test
    void customersCannotUseTheAdminApi() {
        UUID orderId = api.confirmedOrder(ada);

        Response forbidden = api.send("POST", "/api/admin/orders/" + orderId + "/ship", ada.token(), Map.of(), Map.of());

        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.contentType()).startsWith("application/problem+json");
        assertThat(api.send("GET", "/api/admin/orders", ada.token(), null, Map.of()).status()).isEqualTo(403);
        assertThat(api.send("GET", "/api/admin/orders", null, null, Map.of()).status()).isEqualTo(401);
        assertThat(downstreams.labels(orderId)).isEmpty();
    }

    @Test
    void adminsFindOrdersNewestFirstByCustomerAndStatusPageByPage() {
        UUID first = api.confirmedOrder(ada);
        UUID second = api.confirmedOrder(ada);
        api.ship(second);

        Response all = api.admin("GET", "/api/admin/orders?customerId=" + ada.id() + "&size=10");
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.body().get("totalElements").asLong()).isEqualTo(2);
        assertThat(all.body().get("items").valueStream().map(item -> item.get("id").asString()))
                .containsExactly(second.toString(), first.toString());
        Response shipped = api.admin("GET", "/api/admin/orders?status=SHIPPED&email=" + ada.email());
        assertThat(shipped.body().get("items").valueStream().map(item -> item.get("id").asString()))
                .containsExactly(second.toString());
        Response page = api.admin("GET", "/api/admin/orders?customerId=" + ada.id() + "&size=1&page=1");
        assertThat(page.body().get("items").get(0).get("id").asString()).isEqualTo(first.toString());
        assertThat(api.admin("GET", "/api/admin/orders?size=101").status()).isEqualTo(400);
        assertThat(api.admin("GET", "/api/admin/orders?status=LOST").status()).isEqualTo(400);
        assertThat(api.admin("GET", "/api/admin/orders?from=yesterday").status()).isEqualTo(400);
        Response detail = api.adminView(second);
        assertThat(detail.status("customerEmail")).isEqualTo(ada.email());
        assertThat(api.admin("GET", "/api/admin/orders/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void adminSearchRefusesInstantsOutsideYears1970To9999AndParametersItCannotReadWith400NamingTheParameter() {
        // Epoch millis this far out used to parse and then overflow on the way to the database (500).
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("to=-9223372036854775807", "to");
        refused.put("from=9223372036854775807", "from");
        refused.put("from=%2B100000-01-01T00:00:00Z", "from");
        refused.put("to=-0001-01-01T00:00:00Z", "to");
        refused.put("from=1969-12-31T23:59:59.999Z", "from");
        refused.put("to=10000-01-01T00:00:00Z", "to");
        refused.put("from=yesterday", "from");
        refused.put("to=1.5", "to");
        refused.put("page=2147483648", "page");
        refused.put("page=-1", "page");
        refused.put("size=0", "size");
        refused.put("size=99999999999", "size");
        refused.put("status=shipped", "status");
        refused.put("customerId=nobody", "customerId");
        refused.forEach((query, parameter) -> {
            Response answer = api.admin("GET", "/api/admin/orders?" + query);
            assertThat(answer.status()).as(query).isEqualTo(400);
            assertThat(answer.contentType()).as(query).startsWith("application/problem+json");
            assertThat(answer.body().get("detail").asString()).as(query).contains(parameter);
        });

        UUID placed = api.confirmedOrder(ada);
        Response widest = api.admin("GET", "/api/admin/orders?customerId=" + ada.id()
                + "&from=1970-01-01T00:00:00Z&to=9999-12-31T23:59:59.999999999Z");
        assertThat(widest.status()).isEqualTo(200);
        assertThat(widest.body().get("items").valueStream().map(item -> item.get("id").asString()))
                .containsExactly(placed.toString());
        Response epochMillis = api.admin("GET", "/api/admin/orders?customerId=" + ada.id() + "&from=12345");
        assertThat(epochMillis.status()).isEqualTo(200);
        assertThat(epochMillis.body().get("totalElements").asLong()).isEqualTo(1);
        // The offset (page x size) is far beyond any row, not an overflow: an empty page.
        Response farPage = api.admin("GET", "/api/admin/orders?customerId=" + ada.id() + "&page=2147483647&size=100");
        assertThat(farPage.status()).isEqualTo(200);
        assertThat(farPage.body().get("items").isEmpty()).isTrue();
        assertThat(farPage.body().get("totalElements").asLong()).isEqualTo(1);
    }
}
