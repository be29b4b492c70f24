package com.example.shop.notification.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

import com.example.shop.contracts.order.OrderEvents;
import com.example.shop.platform.testsupport.SampleEvents;
import com.example.shop.platform.testsupport.TestTokens;

import tools.jackson.databind.node.ObjectNode;

/** Order events go through the real broker, e-mails through a real SMTP server, rows into a real database. */
class OrderEmailIntegrationTests extends MailFlowIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RestTestClient http;

    /** The checked-in sample of order-service's event, with fresh ids and the given customer. */
    private static ObjectNode sample(String type, UUID customerId, String email, UUID orderId) {
        ObjectNode event = SampleEvents.load(OrderEvents.TOPIC, type, orderId.toString());
        ObjectNode data = SampleEvents.data(event);
        data.put("orderId", orderId.toString());
        data.put("customerId", customerId.toString());
        data.put("customerEmail", email);
        return event;
    }

    /** Records with one key share a partition, so the service consumes them in send order. */
    private void send(String key, ObjectNode event) {
        kafka.send(OrderEvents.TOPIC, key, SampleEvents.toJson(event)).join();
    }

    private static String uniqueEmail() {
        return "ada-" + UUID.randomUUID() + "@example.com";
    }

    private long rowsFor(UUID customerId) {
        return jdbc.sql("select count(*) from notification where customer_id = ?").param(customerId)
                .query(Long.class).single();
    }

    private String statusOf(UUID orderId) {
        return jdbc.sql("select status from notification where order_id = ?").param(orderId)
                .query(String.class).single();
    }

    @Test
    void sendsOneEmailPerEventEvenWhenTheEventIsDeliveredTwice() throws Exception {
        UUID customer = UUID.randomUUID();
        String email = uniqueEmail();
        UUID order = UUID.randomUUID();
        ObjectNode confirmed = sample(OrderEvents.ORDER_CONFIRMED, customer, email, order);

        send(order.toString(), confirmed);
        send(order.toString(), confirmed);
        // Same key, so once this later event's e-mail is out both deliveries above have been processed.
        send(order.toString(), sample(OrderEvents.ORDER_CONFIRMED, customer, email, UUID.randomUUID()));

        await().atMost(PATIENCE).until(() -> TestSmtp.messagesTo(email).size() >= 2);
        List<MimeMessage> messages = TestSmtp.messagesTo(email);
        assertThat(messages).hasSize(2);
        assertThat(rowsFor(customer)).isEqualTo(2);

        MimeMessage first = messages.stream()
                .filter(m -> subjectOf(m).equals("Your order " + order.toString().substring(0, 8) + " is confirmed"))
                .findFirst().orElseThrow();
        assertThat(Mails.text(first)).contains(order.toString()).contains("59.97 EUR");
        assertThat(Mails.html(first)).contains(order.toString()).contains("59.97 EUR");
        // Without a directory entry there is no unsubscribe token, so no link and no header.
        assertThat(Mails.header(first, "List-Unsubscribe")).isNull();
        String notificationId = jdbc.sql("select id::text from notification where order_id = ?").param(order)
                .query(String.class).single();
        assertThat(first.getMessageID()).isEqualTo("<" + notificationId + "@notification-service.shop.local>");
        await().atMost(PATIENCE).until(() -> statusOf(order).equals("SENT"));
    }

    @Test
    void explainsARejectedOrderInPlainWords() throws Exception {
        UUID customer = UUID.randomUUID();
        String email = uniqueEmail();
        UUID order = UUID.randomUUID();

        send(order.toString(), sample(OrderEvents.ORDER_REJECTED, customer, email, order));

        await().atMost(PATIENCE).until(() -> TestSmtp.messagesTo(email).size() == 1);
        MimeMessage message = TestSmtp.messagesTo(email).getFirst();
        assertThat(message.getSubject())
                .isEqualTo("Your order " + order.toString().substring(0, 8) + " could not be placed");
        assertThat(Mails.text(message))
                .contains("your payment was declined")
                .contains(order.toString())
                .contains("19.99 EUR")
                .doesNotContain("PAYMENT_DECLINED");
        assertThat(jdbc.sql("select type from notification where order_id = ?").param(order)
                .query(String.class).single()).isEqualTo("ORDER_REJECTED");
    }

    @Test
    void ignoresOrderEventsItDoesNotKnow() {
        UUID customer = UUID.randomUUID();
        String email = uniqueEmail();
        UUID order = UUID.randomUUID();
        ObjectNode delivered = SampleEvents.load(OrderEvents.TOPIC, OrderEvents.ORDER_DELIVERED, order.toString());
        SampleEvents.data(delivered).put("orderId", order.toString()).put("customerId", customer.toString())
                .put("customerEmail", email);
        UUID later = UUID.randomUUID();

        send(order.toString(), delivered);
        // Same key, so once this later order's e-mail is sent the unknown event before it has been processed.
        send(order.toString(), sample(OrderEvents.ORDER_CONFIRMED, customer, email, later));
        await().atMost(PATIENCE).until(() -> jdbc.sql("select count(*) from notification where order_id = ? "
                + "and status = 'SENT'").param(later).query(Long.class).single() == 1);

        assertThat(jdbc.sql("select count(*) from notification where order_id = ?").param(order)
                .query(Long.class).single()).isZero();
        assertThat(TestSmtp.messagesTo(email)).extracting(OrderEmailIntegrationTests::subjectOf)
                .containsExactly("Your order " + later.toString().substring(0, 8) + " is confirmed");
    }

    @Test
    void keepsTheEmailPendingWhileSmtpIsDownAndSendsItOnceSmtpIsBack() {
        UUID customer = UUID.randomUUID();
        String email = uniqueEmail();
        UUID order = UUID.randomUUID();
        TestSmtp.stop();
        try {
            send(order.toString(), sample(OrderEvents.ORDER_CONFIRMED, customer, email, order));

            await().atMost(PATIENCE).until(() -> jdbc.sql(
                    "select count(*) from notification where order_id = ? and status = 'PENDING' and attempts >= 2")
                    .param(order).query(Long.class).single() == 1);
            assertThat(jdbc.sql("select last_error from notification where order_id = ?").param(order)
                    .query(String.class).single()).isNotBlank();
            // Backed off: the next attempt is not due at once but after the (growing) pause.
            assertThat(jdbc.sql("select next_attempt_at > now() from notification where order_id = ?").param(order)
                    .query(Boolean.class).single()).isTrue();
        }
        finally {
            TestSmtp.start();
        }

        await().atMost(PATIENCE).until(() -> statusOf(order).equals("SENT"));
        assertThat(TestSmtp.messagesTo(email)).hasSize(1);
    }

    @Test
    void listsOnlyTheCallersNotificationsNewestFirst() {
        UUID ada = UUID.randomUUID();
        UUID grace = UUID.randomUUID();
        String adaEmail = uniqueEmail();
        UUID firstOrder = UUID.randomUUID();
        UUID secondOrder = UUID.randomUUID();
        send(firstOrder.toString(), sample(OrderEvents.ORDER_CONFIRMED, ada, adaEmail, firstOrder));
        await().atMost(PATIENCE).until(() -> rowsFor(ada) == 1);
        send(secondOrder.toString(), sample(OrderEvents.ORDER_REJECTED, ada, adaEmail, secondOrder));
        UUID graceOrder = UUID.randomUUID();
        send(graceOrder.toString(), sample(OrderEvents.ORDER_CONFIRMED, grace, uniqueEmail(), graceOrder));
        await().atMost(PATIENCE).until(() -> TestSmtp.messagesTo(adaEmail).size() == 2 && rowsFor(grace) == 1);
        await().atMost(PATIENCE).until(() -> statusOf(secondOrder).equals("SENT"));

        http.get().uri("/api/customers/me/notifications")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.customer(ada, adaEmail))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[0].orderId").isEqualTo(secondOrder.toString())
                .jsonPath("$[0].type").isEqualTo("ORDER_REJECTED")
                .jsonPath("$[0].channel").isEqualTo("EMAIL")
                .jsonPath("$[0].recipient").isEqualTo(adaEmail)
                .jsonPath("$[0].sentAt").isNotEmpty()
                .jsonPath("$[0].status").isEqualTo("SENT")
                .jsonPath("$[0].topic").isEqualTo("ORDER_UPDATES")
                .jsonPath("$[0].subject").isEqualTo("Your order " + secondOrder.toString().substring(0, 8)
                        + " could not be placed")
                .jsonPath("$[1].orderId").isEqualTo(firstOrder.toString())
                .jsonPath("$[1].type").isEqualTo("ORDER_CONFIRMED");
    }

    @Test
    void listsOnlyTheNewestHundredNotifications() {
        UUID customer = UUID.randomUUID();
        String email = uniqueEmail();
        // Written directly and already SENT: a hundred and one e-mails are not the point, the history's size is.
        jdbc.sql("""
                insert into notification (id, event_id, type, topic, order_id, customer_id, channel, recipient,
                        subject, body, status, attempts, next_attempt_at, created_at, sent_at)
                select gen_random_uuid(), gen_random_uuid(), 'ORDER_CONFIRMED', 'ORDER_UPDATES', gen_random_uuid(),
                       :customer,
                       'EMAIL', :email, 'subject', 'body', 'SENT', 1, now(),
                       now() - n * interval '1 minute', now()
                from generate_series(0, 100) as n
                """).param("customer", customer).param("email", email).update();
        UUID newest = jdbc.sql("select order_id from notification where customer_id = ? order by created_at desc "
                + "limit 1").param(customer).query(UUID.class).single();

        http.get().uri("/api/customers/me/notifications")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.customer(customer, email))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(100)
                .jsonPath("$[0].orderId").isEqualTo(newest.toString());
    }

    @Test
    void refusesHistoryWithoutToken() {
        http.get().uri("/api/customers/me/notifications").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject();
        }
        catch (jakarta.mail.MessagingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
