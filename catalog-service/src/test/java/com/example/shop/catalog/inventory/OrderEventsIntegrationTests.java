package com.example.shop.catalog.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.json.JsonMapper;

import com.example.shop.catalog.CatalogIntegrationTest;
import com.example.shop.catalog.inventory.InventoryFixture.Figures;
import com.example.shop.catalog.product.ProductCatalog;
import com.example.shop.catalog.product.ProductId;
import com.example.shop.contracts.order.OrderEvents;
import com.example.shop.platform.testsupport.TestKafka;

/** order-service's events, sent to the real broker as order-service's outbox would, end reservations. */
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
    private KafkaProducer<String, String> producer;

    @BeforeEach
    void setUp() {
        stock = new InventoryFixture(catalog, jdbc);
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()),
                new StringSerializer(), new StringSerializer());
    }

    @AfterEach
    void tearDown() {
        producer.close();
    }

    @Test
    void anOrderConfirmedDeliveredTwiceCommitsTheReservationOnce() throws Exception {
        UUID variant = stock.variant(10);
        UUID order = reserved(variant, 3);
        String confirmed = envelope(UUID.randomUUID(), OrderEvents.ORDER_CONFIRMED, order, confirmedData(order));

        send(order, confirmed);
        send(order, confirmed);
        // A second, different event about the same order (a producer retry after a crash) changes nothing either.
        send(order, envelope(UUID.randomUUID(), OrderEvents.ORDER_CONFIRMED, order, confirmedData(order)));
        // Events with one key are read in order: once this marker is processed, so are the three before it.
        UUID marker = reserved(variant, 1);
        send(order, envelope(UUID.randomUUID(), OrderEvents.ORDER_CONFIRMED, marker, confirmedData(marker)));

        await().atMost(Duration.ofSeconds(30)).until(() -> stock.status(marker).equals("COMMITTED"));
        assertThat(stock.status(order)).isEqualTo("COMMITTED");
        assertThat(stock.movements(order, "COMMITTED")).isOne();
        assertThat(stock.figures(variant)).isEqualTo(new Figures(6, 0, 6));
        stock.assertInvariant(variant);
    }

    @Test
    void anOrderRejectedReleasesAReservationThatWasNotReleasedYet() throws Exception {
        UUID variant = stock.variant(5);
        UUID order = reserved(variant, 5);

        send(order, envelope(UUID.randomUUID(), OrderEvents.ORDER_REJECTED, order, Map.of("orderId", order,
                "customerId", UUID.randomUUID(), "customerEmail", "ada@example.com",
                "total", Map.of("amount", "25.00", "currency", "EUR"), "reason", "PAYMENT_DECLINED",
                "rejectedAt", Instant.now().toString())));

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

    private static Map<String, Object> confirmedData(UUID order) {
        return Map.of("orderId", order, "customerId", UUID.randomUUID(), "customerEmail", "ada@example.com",
                "total", Map.of("amount", "15.00", "currency", "EUR"), "lines", List.of(),
                "confirmedAt", Instant.now().toString());
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

    private void send(UUID key, String value) throws Exception {
        producer.send(new ProducerRecord<>(OrderEvents.TOPIC, key.toString(), value)).get();
    }
}
