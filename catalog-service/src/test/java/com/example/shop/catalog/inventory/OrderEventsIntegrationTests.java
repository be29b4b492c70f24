package com.example.shop.catalog.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.json.JsonMapper;

import com.example.shop.catalog.CatalogIntegrationTest;
import com.example.shop.catalog.inventory.InventoryFixture.Figures;
import com.example.shop.catalog.inventory.messaging.OrderEventMessages;
import com.example.shop.catalog.product.ProductCatalog;
import com.example.shop.catalog.product.ProductId;
import com.example.shop.contracts.order.OrderEvents;
import com.example.shop.platform.testsupport.TestKafka;

/**
 * order-service's events, sent to the real broker as order-service's outbox would, move reservations along the
 * order lifecycle: each once, whatever is delivered twice or out of order.
 */
class OrderEventsIntegrationTests extends CatalogIntegrationTest {

    @Autowired
    Reservations reservations;

    @Autowired
    ProductCatalog catalog;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    private InventoryFixture stock;
    private OrderEventMessages messages;
    private KafkaProducer<String, String> producer;

    @BeforeEach
    void setUp() {
        stock = new InventoryFixture(catalog, jdbc);
        messages = new OrderEventMessages(json);
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()),
                new StringSerializer(), new StringSerializer());
    }

    @AfterEach
    void tearDown() {
        producer.close();
    }

    @Test
    void anOrderConfirmedDeliveredTwiceConfirmsTheReservationOnceAndItNoLongerExpires() throws Exception {
        UUID variant = stock.variant(10);
        UUID order = reserved(variant, 3);
        String confirmed = messages.confirmed(UUID.randomUUID(), order);

        send(order, confirmed);
        send(order, confirmed);
        // A second, different event about the same order (a producer retry after a crash) changes nothing either.
        send(order, messages.confirmed(UUID.randomUUID(), order));
        drain(order);

        assertThat(stock.status(order)).isEqualTo("CONFIRMED");
        assertThat(stock.figures(variant)).isEqualTo(new Figures(10, 3, 7));
        stock.backdate(order);
        reservations.expireDue(Instant.now());
        assertThat(stock.status(order)).isEqualTo("CONFIRMED");
        assertThat(stock.figures(variant)).isEqualTo(new Figures(10, 3, 7));
        stock.assertInvariant(variant);
    }

    @Test
    void reserveConfirmAndCancelLeaveOnHandUnchangedAndAvailableBackWhereItStarted() throws Exception {
        UUID variant = stock.variant(10);
        UUID order = reserved(variant, 4);

        send(order, messages.confirmed(UUID.randomUUID(), order));
        String cancelled = messages.cancelled(UUID.randomUUID(), order);
        send(order, cancelled);
        send(order, cancelled);
        send(order, messages.cancelled(UUID.randomUUID(), order));
        drain(order);

        assertThat(stock.status(order)).isEqualTo("RELEASED");
        assertThat(stock.figures(variant)).isEqualTo(new Figures(10, 0, 10));
        assertThat(stock.movements(order, "RELEASED")).isOne();
        stock.assertInvariant(variant);
    }

    @Test
    void reserveConfirmShipAndARestockedReturnBringOnHandBackWhereItStartedOnceHoweverOftenEventsArrive()
            throws Exception {
        UUID variant = stock.variant(10);
        UUID order = reserved(variant, 3);
        UUID returnId = UUID.randomUUID();

        send(order, messages.confirmed(UUID.randomUUID(), order));
        String shipped = messages.shipped(UUID.randomUUID(), order);
        send(order, shipped);
        send(order, shipped);
        send(order, messages.shipped(UUID.randomUUID(), order));
        drain(order);
        assertThat(stock.status(order)).isEqualTo("COMMITTED");
        assertThat(stock.figures(variant)).isEqualTo(new Figures(7, 0, 7));

        String returned = messages.returnReceived(UUID.randomUUID(), order, returnId, true, Map.of(variant, 3));
        send(order, returned);
        send(order, returned);
        // The same return told again under another event id: the return id keeps it to one restock.
        send(order, messages.returnReceived(UUID.randomUUID(), order, returnId, true, Map.of(variant, 3)));
        // Cancelling after shipment changes nothing.
        send(order, messages.cancelled(UUID.randomUUID(), order));
        drain(order);

        assertThat(stock.figures(variant)).isEqualTo(new Figures(10, 0, 10));
        assertThat(stock.movements(order, "COMMITTED")).isOne();
        assertThat(stock.movements(order, "RETURNED")).isOne();
        assertThat(jdbc.sql("select return_id from stock_movement where order_id = ? and reason = 'RETURNED'")
                .param(order).query(UUID.class).single()).isEqualTo(returnId);
        stock.assertInvariant(variant);
    }

    @Test
    void aShipmentReadBeforeItsConfirmationCommitsTheReservationOnce() throws Exception {
        UUID variant = stock.variant(5);
        UUID order = reserved(variant, 2);

        send(order, messages.shipped(UUID.randomUUID(), order));
        send(order, messages.confirmed(UUID.randomUUID(), order));
        send(order, messages.shipped(UUID.randomUUID(), order));
        drain(order);

        assertThat(stock.status(order)).isEqualTo("COMMITTED");
        assertThat(stock.figures(variant)).isEqualTo(new Figures(3, 0, 3));
        assertThat(stock.movements(order, "COMMITTED")).isOne();
        stock.assertInvariant(variant);
    }

    @Test
    void aReturnThatWasNotRestockedIsRecordedWithoutChangingStock() throws Exception {
        UUID variant = stock.variant(5);
        UUID order = reserved(variant, 2);
        reservations.confirm(new OrderId(order));
        reservations.ship(new OrderId(order));
        UUID returnId = UUID.randomUUID();

        send(order, messages.returnReceived(UUID.randomUUID(), order, returnId, false, Map.of(variant, 2)));
        drain(order);

        assertThat(stock.figures(variant)).isEqualTo(new Figures(3, 0, 3));
        assertThat(stock.movements(order, "RETURNED")).isZero();
        assertThat(jdbc.sql("select restocked from stock_return where return_id = ?").param(returnId)
                .query(Boolean.class).single()).isFalse();
        stock.assertInvariant(variant);
    }

    @Test
    void anOrderRejectedReleasesAReservationThatWasNotReleasedYet() throws Exception {
        UUID variant = stock.variant(5);
        UUID order = reserved(variant, 5);

        send(order, messages.rejected(UUID.randomUUID(), order));

        await().atMost(Duration.ofSeconds(30)).until(() -> stock.status(order).equals("RELEASED"));
        assertThat(stock.figures(variant)).isEqualTo(new Figures(5, 0, 5));
        stock.assertInvariant(variant);
    }

    private UUID reserved(UUID variant, int quantity) {
        UUID order = UUID.randomUUID();
        assertThat(reservations.reserve(new OrderId(order), List.of(new ReservationLine(new ProductId(variant), quantity))))
                .isEqualTo(ReservationStatus.RESERVED);
        return order;
    }

    /**
     * Events with one key are read in order: once a marker order's confirmation sent with that key is processed,
     * so is everything sent before it.
     */
    private void drain(UUID key) throws Exception {
        UUID marker = reserved(stock.variant(1), 1);
        send(key, messages.confirmed(UUID.randomUUID(), marker));
        await().atMost(Duration.ofSeconds(30)).until(() -> stock.status(marker).equals("CONFIRMED"));
    }

    private void send(UUID key, String value) throws Exception {
        producer.send(new ProducerRecord<>(OrderEvents.TOPIC, key.toString(), value)).get();
    }
}
