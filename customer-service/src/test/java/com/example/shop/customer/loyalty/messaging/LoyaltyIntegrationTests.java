package com.example.shop.customer.loyalty.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.example.shop.contracts.order.OrderEvents;
import com.example.shop.customer.account.CustomerId;
import com.example.shop.customer.loyalty.LoyaltyAccounts;
import com.example.shop.platform.testsupport.SampleEvents;
import com.example.shop.platform.testsupport.TestKafka;
import com.example.shop.platform.testsupport.TestPostgres;

import tools.jackson.databind.node.ObjectNode;

/** Order events travel through the real broker to the real listener and database. */
@SpringBootTest
class LoyaltyIntegrationTests {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestPostgres.register(registry, "customer");
        TestKafka.register(registry);
    }

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    LoyaltyAccounts loyalty;

    @Autowired
    JdbcClient jdbc;

    /** The checked-in sample of order-service's event, with fresh ids so each test has its own order. */
    private static ObjectNode sample(String type, UUID customerId, UUID orderId, String amount) {
        ObjectNode event = SampleEvents.load(OrderEvents.TOPIC, type, orderId.toString());
        ObjectNode data = SampleEvents.data(event);
        data.put("orderId", orderId.toString());
        data.put("customerId", customerId.toString());
        ((ObjectNode) data.get("total")).put("amount", amount);
        return event;
    }

    /** Sends with the given key; records with one key share a partition, so they are consumed in send order. */
    private void send(String key, ObjectNode event) {
        kafka.send(OrderEvents.TOPIC, key, SampleEvents.toJson(event)).join();
    }

    private long ledgerEntries(UUID customerId) {
        return jdbc.sql("select count(*) from loyalty_ledger where customer_id = ?").param(customerId)
                .query(Long.class).single();
    }

    private long ledgerSum(UUID customerId) {
        return jdbc.sql("select coalesce(sum(points), 0) from loyalty_ledger where customer_id = ?").param(customerId)
                .query(Long.class).single();
    }

    @Test
    void creditsAConfirmedOrderOnceWhenTheEventIsDeliveredTwice() {
        UUID customer = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        String key = order.toString();
        ObjectNode confirmed = sample(OrderEvents.ORDER_CONFIRMED, customer, order, "59.97");

        send(key, confirmed);
        send(key, confirmed);
        // Same key, so once this later order is credited both deliveries above have been processed.
        send(key, sample(OrderEvents.ORDER_CONFIRMED, customer, UUID.randomUUID(), "10.00"));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(loyalty.balance(new CustomerId(customer))).isEqualTo(69));
        assertThat(ledgerEntries(customer)).isEqualTo(2);
        assertThat(ledgerSum(customer)).isEqualTo(69);
    }

    @Test
    void creditsAnOrderOnceEvenWhenItIsReportedUnderANewEventId() {
        UUID customer = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        String key = order.toString();

        send(key, sample(OrderEvents.ORDER_CONFIRMED, customer, order, "20.50"));
        send(key, sample(OrderEvents.ORDER_CONFIRMED, customer, order, "20.50"));
        send(key, sample(OrderEvents.ORDER_CONFIRMED, customer, UUID.randomUUID(), "1.00"));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(loyalty.balance(new CustomerId(customer))).isEqualTo(21));
        assertThat(ledgerEntries(customer)).isEqualTo(2);
    }

    @Test
    void ignoresRejectedOrders() {
        UUID customer = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        String key = order.toString();

        send(key, sample(OrderEvents.ORDER_REJECTED, customer, order, "19.99"));
        send(key, sample(OrderEvents.ORDER_CONFIRMED, customer, UUID.randomUUID(), "5.00"));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(loyalty.balance(new CustomerId(customer))).isEqualTo(5));
        assertThat(ledgerEntries(customer)).isEqualTo(1);
    }
}
