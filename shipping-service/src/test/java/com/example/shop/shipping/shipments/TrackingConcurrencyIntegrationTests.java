package com.example.shop.shipping.shipments;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.example.shop.contracts.shipment.ShipmentEvents;
import com.example.shop.platform.testsupport.TestKafka;
import com.example.shop.platform.testsupport.TestPostgres;
import com.example.shop.platform.testsupport.TestTokens;

/**
 * Two instances at work at once, played by concurrent threads on one database: they share the due shipments
 * without overlap, and applying the same carrier answer twice publishes every event once.
 */
@SpringBootTest(properties = {"shop.shipping.tracking.enabled=false", "shop.carrier.url=http://127.0.0.1:9"})
class TrackingConcurrencyIntegrationTests {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestPostgres.register(registry, "shipping_tracking");
        TestKafka.register(registry);
        TestTokens.register(registry);
    }

    @Autowired
    ShipmentRepository shipments;

    @Autowired
    ShipmentTracking tracking;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    private Shipment shippedParcel() {
        Instant now = Instant.now();
        Shipment shipment = shipments.findOrCreate(Shipment.start(new OrderId(UUID.randomUUID()), null, 1200,
                new Address("Ada", "Damrak 1", "Amsterdam", "1012 AB", "NL"), now.minusSeconds(60)));
        String trackingNumber = "PC" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L) + "NL";
        shipments.recordLabel(shipment.id(), new Label("lbl_" + trackingNumber, "PARCELCO", "STANDARD", trackingNumber,
                "http://carrier/track/" + trackingNumber, new Money(new BigDecimal("4.95"), "EUR"), now.minusSeconds(60)),
                now.minusSeconds(60));
        return shipments.findByOrderId(shipment.orderId()).orElseThrow();
    }

    private int published(Shipment shipment, String type) {
        return jdbc.sql("select count(*) from outbox_event where message_key = ? and type = ?")
                .params(shipment.orderId().toString(), type).query(Integer.class).single();
    }

    @Test
    void letsConcurrentPollersClaimEachDueShipmentOnce() throws Exception {
        Set<ShipmentId> created = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            created.add(shippedParcel().id());
        }
        int pollers = 4;
        var start = new CountDownLatch(1);
        List<Future<List<Shipment>>> claims = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(pollers)) {
            for (int i = 0; i < pollers; i++) {
                Callable<List<Shipment>> claim = () -> {
                    start.await();
                    return shipments.claimDueForTracking(Instant.now(), Duration.ofMinutes(10), 15);
                };
                claims.add(pool.submit(claim));
            }
            start.countDown();
            List<ShipmentId> claimed = new ArrayList<>();
            for (var result : claims) {
                result.get().forEach(shipment -> claimed.add(shipment.id()));
            }
            assertThat(claimed).doesNotHaveDuplicates().isNotEmpty();
            // a claimed shipment is not due again until its interval has passed
            assertThat(shipments.claimDueForTracking(Instant.now(), Duration.ofMinutes(10), 1000))
                    .extracting(Shipment::id).doesNotContainAnyElementsOf(claimed);
        }
    }

    @Test
    void publishesEachTrackingEventAndTheDeliveryOnceWhenTheSameAnswerIsAppliedConcurrently() throws Exception {
        Shipment shipment = shippedParcel();
        Instant label = shipment.labelCreatedAt();
        List<TrackingEvent> answer = List.of(
                new TrackingEvent("LABEL_CREATED", "Utrecht", label),
                new TrackingEvent("PICKED_UP", "Utrecht depot", label.plusSeconds(10)),
                new TrackingEvent("IN_TRANSIT", "Utrecht hub", label.plusSeconds(20)),
                new TrackingEvent("OUT_FOR_DELIVERY", "Amsterdam delivery centre", label.plusSeconds(30)),
                new TrackingEvent("DELIVERED", "Amsterdam", label.plusSeconds(40)));
        var transaction = new TransactionTemplate(transactions);
        var start = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(3)) {
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    transaction.executeWithoutResult(status -> tracking.record(shipment.id(), answer));
                    return null;
                }));
            }
            start.countDown();
            for (var run : runs) {
                run.get();
            }
        }

        assertThat(published(shipment, ShipmentEvents.SHIPMENT_TRACKING_UPDATED)).isEqualTo(5);
        assertThat(published(shipment, ShipmentEvents.SHIPMENT_DELIVERED)).isEqualTo(1);
        Shipment delivered = shipments.findByOrderId(shipment.orderId()).orElseThrow();
        assertThat(delivered.status()).isEqualTo(ShipmentStatus.DELIVERED);
        assertThat(delivered.deliveredAt()).isEqualTo(label.plusSeconds(40));
        assertThat(shipments.claimDueForTracking(Instant.now().plusSeconds(3600), Duration.ofMinutes(1), 1000))
                .extracting(Shipment::id).doesNotContain(shipment.id());
    }

    @Test
    void movesTheStatusOnlyForwardAndKeepsStepsItDoesNotKnow() {
        Shipment shipment = shippedParcel();
        Instant label = shipment.labelCreatedAt();
        var transaction = new TransactionTemplate(transactions);

        transaction.executeWithoutResult(status -> tracking.record(shipment.id(), List.of(
                new TrackingEvent("IN_TRANSIT", "Utrecht hub", label.plusSeconds(20)))));
        transaction.executeWithoutResult(status -> tracking.record(shipment.id(), List.of(
                new TrackingEvent("PICKED_UP", "Utrecht depot", label.plusSeconds(10)),
                new TrackingEvent("HELD_AT_CUSTOMS", "Schiphol", label.plusSeconds(30)))));

        assertThat(shipments.findByOrderId(shipment.orderId()).orElseThrow().status())
                .isEqualTo(ShipmentStatus.IN_TRANSIT);
        assertThat(shipments.trackingEvents(shipment.id())).extracting(TrackingEvent::status)
                .containsExactly("PICKED_UP", "IN_TRANSIT", "HELD_AT_CUSTOMS");
        assertThat(published(shipment, ShipmentEvents.SHIPMENT_TRACKING_UPDATED)).isEqualTo(3);
    }
}
