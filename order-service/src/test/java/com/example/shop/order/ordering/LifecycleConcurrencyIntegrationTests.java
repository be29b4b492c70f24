package com.example.shop.order.ordering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.example.shop.contracts.order.OrderEvents;
import com.example.shop.contracts.shipment.ShipmentEvents;
import com.example.shop.order.ordering.LifecycleFixture.Response;
import com.example.shop.order.ordering.LifecycleFixture.Shopper;
import com.example.shop.platform.messaging.Events;
import com.example.shop.platform.testsupport.SampleEvents;
import com.example.shop.platform.testsupport.TestKafka;
import com.example.shop.platform.testsupport.TestPostgres;
import com.example.shop.platform.testsupport.TestTokens;
import com.example.shop.platform.testsupport.TopicRecorder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Many random lifecycles at once against stubs that keep real running totals of what was captured and refunded
 * per order: ship and cancel racing, ships and refunds asked twice at once, delivery by the carrier and by an
 * admin, partial and full returns; two orders in three redeem loyalty points. Afterwards every order is in a
 * final state, no payment was captured twice, what was captured is the amount due, captured − refunded equals
 * the amount due's share of the shipped units not returned (the amount due less the refunds, each a share, which
 * add up to the amount due once everything came back), and each transition's event was published once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "shop.messaging.relay.poll-interval=100ms",
        "shop.order.recovery.interval=300ms",
        "shop.order.recovery.stale-after=1s",
        "shop.order.recovery.lease=12s",
        "shop.clients.read-timeout=5s",
        "shop.clients.retry-backoff=50ms" })
class LifecycleConcurrencyIntegrationTests {

    private static final int ORDERS = 24;
    private static final StubDownstreams downstreams = new StubDownstreams();
    private static TopicRecorder events;
    private static KafkaProducer<String, String> shipmentEvents;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestPostgres.register(registry, "orders_lifecycle_concurrency_test");
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
        // Labels take a moment, so concurrent requests overlap while an intent is being driven.
        downstreams.labelMillis(80);
    }

    @AfterAll
    static void stop() {
        shipmentEvents.close();
        events.close();
        downstreams.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    Events wire;

    private final ExecutorService pool = Executors.newFixedThreadPool(16);

    private <T> List<T> together(List<Callable<T>> calls) throws Exception {
        List<Future<T>> futures = new ArrayList<>();
        for (Callable<T> call : calls) {
            futures.add(pool.submit(call));
        }
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            results.add(future.get());
        }
        return results;
    }

    private static boolean isFinal(JsonNode order) {
        String status = order.get("status").asString();
        boolean openReturns = order.get("returns").valueStream()
                .anyMatch(ret -> !ret.get("status").asString().equals("REFUNDED"));
        return order.get("pendingAction").isNull() && switch (status) {
            case "CANCELLED", "RETURNED", "REJECTED" -> true;
            case "DELIVERED" -> !openReturns;
            default -> false;
        };
    }

    /** One random lifecycle; returns the order id. */
    private UUID lifecycle(LifecycleFixture api, long seed) throws Exception {
        Random random = new Random(seed);
        Shopper shopper = Shopper.create();
        // Points worth up to 120.00: some orders are paid partly with points, some wholly (nothing to capture).
        long points = random.nextInt(3) == 0 ? 0 : 1 + random.nextInt(12_000);
        UUID orderId = api.confirmedOrder(shopper, "NL", LifecycleFixture.twoLines(), points);
        int path = random.nextInt(4);
        if (path == 0) {
            together(List.<Callable<Response>>of(() -> api.cancel(shopper, orderId), () -> api.cancel(shopper, orderId)))
                    .forEach(response -> assertThat(response.status()).isIn(200, 202));
            return orderId;
        }
        List<Response> raced = path == 1
                ? together(List.<Callable<Response>>of(() -> api.ship(orderId), () -> api.cancel(shopper, orderId)))
                : together(List.<Callable<Response>>of(() -> api.ship(orderId), () -> api.ship(orderId)));
        raced.forEach(response -> assertThat(response.status()).isIn(200, 202, 409));
        await().atMost(Duration.ofSeconds(30)).until(() -> api.adminView(orderId).body().get("pendingAction").isNull());
        if (!api.adminView(orderId).status("status").equals("SHIPPED")) {
            return orderId;
        }
        if (random.nextBoolean()) {
            ObjectNode delivered = SampleEvents.load(ShipmentEvents.TOPIC, ShipmentEvents.SHIPMENT_DELIVERED,
                    orderId.toString());
            SampleEvents.data(delivered).put("orderId", orderId.toString());
            shipmentEvents.send(new ProducerRecord<>(ShipmentEvents.TOPIC, orderId.toString(),
                    SampleEvents.toJson(delivered)));
        }
        if (random.nextBoolean()) {
            assertThat(api.deliver(orderId).status()).isEqualTo(200);
        }
        else {
            shipmentEvents.flush();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                String status = api.adminView(orderId).status("status");
                if (status.equals("SHIPPED") && random.nextInt(20) == 0) {
                    api.deliver(orderId);
                }
                return status.equals("DELIVERED");
            });
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> api.adminView(orderId).status("status").equals("DELIVERED"));
        // Returns: some units of each line (3 mugs, 1 pen), in one or two returns each.
        int mugs = random.nextInt(4);
        int pens = random.nextInt(2);
        List<Map<String, Object>> requests = new ArrayList<>();
        if (mugs > 1 && random.nextBoolean()) {
            requests.add(LifecycleFixture.returnOf(1, 1));
            requests.add(LifecycleFixture.returnOf(1, mugs - 1));
        }
        else if (mugs > 0) {
            requests.add(LifecycleFixture.returnOf(1, mugs));
        }
        if (pens > 0) {
            requests.add(LifecycleFixture.returnOf(2, 1));
        }
        List<String> returnIds = new ArrayList<>();
        for (Map<String, Object> request : requests) {
            Response requested = api.requestReturn(shopper, orderId, request);
            assertThat(requested.status()).isEqualTo(201);
            returnIds.add(requested.lastReturn().get("id").asString());
        }
        List<Callable<Response>> steps = new ArrayList<>();
        for (String returnId : returnIds) {
            steps.add(() -> {
                api.receive(orderId, returnId, random.nextBoolean());
                List<Response> refunds = together(List.<Callable<Response>>of(() -> api.refund(orderId, returnId),
                        () -> api.refund(orderId, returnId)));
                refunds.forEach(response -> assertThat(response.status()).isIn(200, 202));
                return refunds.getFirst();
            });
        }
        for (Callable<Response> step : steps) {
            step.call();
        }
        return orderId;
    }

    @Test
    void randomConcurrentLifecyclesEndFinalWithPaymentsThatAddUp() throws Exception {
        LifecycleFixture api = new LifecycleFixture(downstreams, port);
        ExecutorService drivers = Executors.newFixedThreadPool(8);
        List<Future<UUID>> runs = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            long seed = 1000 + i;
            runs.add(drivers.submit(() -> lifecycle(api, seed)));
        }
        List<UUID> orderIds = new ArrayList<>();
        for (Future<UUID> run : runs) {
            orderIds.add(run.get());
        }
        drivers.shutdown();

        for (UUID orderId : orderIds) {
            await().atMost(Duration.ofSeconds(30)).until(() -> isFinal(api.adminView(orderId).body()));
            JsonNode order = api.adminView(orderId).body();
            String status = order.get("status").asString();
            StubDownstreams.Ledger ledger = downstreams.ledger(orderId);
            boolean shipped = status.equals("DELIVERED") || status.equals("RETURNED");
            BigDecimal total = new BigDecimal(order.get("total").get("amount").asString());
            BigDecimal amountDue = new BigDecimal(order.get("amountDue").get("amount").asString());
            BigDecimal discount = new BigDecimal(order.get("discount").get("amount").asString());
            assertThat(total).isEqualByComparingTo("89.97");
            assertThat(amountDue.add(discount)).isEqualByComparingTo(total);
            BigDecimal refunded = order.get("returns").valueStream()
                    .map(ret -> new BigDecimal(ret.get("refunded").get("amount").asString()))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal shippedUnreturned = shipped ? amountDue.subtract(refunded) : BigDecimal.ZERO;

            assertThat(ledger.captures).as("captures of %s", orderId).isLessThanOrEqualTo(1);
            if (shipped && amountDue.signum() > 0) {
                assertThat(ledger.captured).as("captured of %s", orderId).isEqualByComparingTo(amountDue);
            }
            if (status.equals("RETURNED")) {
                assertThat(refunded).as("refunds of %s", orderId).isEqualByComparingTo(amountDue);
            }
            else if (shipped) {
                // No return completed the order, so each refund is its units' share of the amount due.
                order.get("returns").valueStream().forEach(ret -> assertThat(
                        new BigDecimal(ret.get("refunded").get("amount").asString()))
                        .isEqualByComparingTo(new BigDecimal(ret.get("value").get("amount").asString())
                                .multiply(amountDue).divide(total, 2, java.math.RoundingMode.HALF_EVEN)));
            }
            assertThat(ledger.captured.subtract(ledger.refunded)).as("captured - refunded of %s (%s)", orderId, status)
                    .isEqualByComparingTo(shippedUnreturned);
            assertThat(downstreams.shipments().containsKey(orderId.toString()) || !shipped).isTrue();
            if (status.equals("CANCELLED")) {
                assertThat(ledger.captures).isZero();
                assertThat(ledger.cancelled).isTrue();
            }
            List<String> expected = new ArrayList<>(List.of(OrderEvents.ORDER_CONFIRMED));
            if (status.equals("CANCELLED")) {
                expected.add(OrderEvents.ORDER_CANCELLED);
            }
            if (shipped) {
                expected.add(OrderEvents.ORDER_SHIPPED);
                expected.add(OrderEvents.ORDER_DELIVERED);
                int returns = order.get("returns").size();
                for (int i = 0; i < returns; i++) {
                    expected.add(OrderEvents.ORDER_RETURN_REQUESTED);
                    expected.add(OrderEvents.ORDER_RETURN_RECEIVED);
                    expected.add(OrderEvents.ORDER_REFUNDED);
                }
            }
            if (status.equals("RETURNED")) {
                expected.add(OrderEvents.ORDER_RETURNED);
            }
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(events.withKey(orderId.toString())
                    .stream().map(record -> wire.read(record.value()).type()).toList())
                    .containsExactlyInAnyOrderElementsOf(expected));
        }
        pool.shutdown();
    }
}
