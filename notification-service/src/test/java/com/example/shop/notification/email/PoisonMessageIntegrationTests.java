package com.example.shop.notification.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

import com.example.shop.contracts.customer.CustomerEvents;
import com.example.shop.contracts.order.OrderEvents;
import com.example.shop.platform.testsupport.SampleEvents;
import com.example.shop.platform.testsupport.TopicRecorder;

import tools.jackson.databind.node.ObjectNode;

/**
 * A record that can never be processed is parked at once on the dead-letter topic of the consumer group that failed,
 * {@code <topic>.<group>-dlt}, and the records behind it on the same partition are processed as usual: no endless
 * loop, no stalled partition.
 */
class PoisonMessageIntegrationTests extends MailFlowIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static TopicRecorder orderDlt;
    private static TopicRecorder customerDlt;

    @BeforeAll
    static void recordDeadLetters() {
        orderDlt = new TopicRecorder(OrderEvents.TOPIC + ".notification-service.email-dlt");
        customerDlt = new TopicRecorder(CustomerEvents.TOPIC + ".notification-service.recipients-dlt");
    }

    @AfterAll
    static void stopRecording() {
        orderDlt.close();
        customerDlt.close();
    }

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    JdbcClient jdbc;

    private ObjectNode confirmed(UUID order, String email) {
        ObjectNode event = SampleEvents.load(OrderEvents.TOPIC, OrderEvents.ORDER_CONFIRMED, order.toString());
        SampleEvents.data(event).put("orderId", order.toString()).put("customerId", UUID.randomUUID().toString())
                .put("customerEmail", email);
        return event;
    }

    @Test
    void parksARecordThatIsNoJsonOnTheDeadLetterTopicAndGoesOn() {
        UUID order = UUID.randomUUID();
        String email = "ada-" + order + "@example.com";

        kafka.send(OrderEvents.TOPIC, order.toString(), "{this is not an event").join();
        kafka.send(OrderEvents.TOPIC, order.toString(), SampleEvents.toJson(confirmed(order, email))).join();

        await().atMost(PATIENCE).until(() -> orderDlt.valuesWithKey(order.toString()).size() == 1);
        assertThat(orderDlt.valuesWithKey(order.toString())).containsExactly("{this is not an event");
        await().atMost(PATIENCE).until(() -> TestSmtp.messagesTo(email).size() == 1);
    }

    @Test
    void parksAnEnvelopeWhoseDataCannotBeMappedOnTheDeadLetterTopic() {
        UUID customer = UUID.randomUUID();
        ObjectNode unmappable = SampleEvents.load(CustomerEvents.TOPIC, CustomerEvents.CUSTOMER_PREFERENCES_CHANGED,
                customer.toString());
        SampleEvents.data(unmappable).put("customerId", customer.toString()).put("preferences", "all of them");

        kafka.send(CustomerEvents.TOPIC, customer.toString(), SampleEvents.toJson(unmappable)).join();

        await().atMost(PATIENCE).until(() -> customerDlt.valuesWithKey(customer.toString()).size() == 1);
        assertThat(customerDlt.valuesWithKey(customer.toString()).getFirst()).contains("all of them");
        assertThat(jdbc.sql("select count(*) from recipient where customer_id = ?").param(customer)
                .query(Long.class).single()).isZero();
    }

    @Test
    void parksAnOrderEventThatLacksWhatItsMailNeeds() {
        UUID order = UUID.randomUUID();
        ObjectNode shipped = SampleEvents.load(OrderEvents.TOPIC, OrderEvents.ORDER_SHIPPED, order.toString());
        SampleEvents.data(shipped).put("orderId", order.toString()).remove("trackingNumber");

        kafka.send(OrderEvents.TOPIC, order.toString(), SampleEvents.toJson(shipped)).join();

        await().atMost(PATIENCE).until(() -> orderDlt.valuesWithKey(order.toString()).size() == 1);
        assertThat(jdbc.sql("select count(*) from notification where order_id = ?").param(order)
                .query(Long.class).single()).isZero();
    }
}
