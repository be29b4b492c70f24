package com.example.shop.notification.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

import com.example.shop.contracts.cart.CartEvents;
import com.example.shop.contracts.customer.CustomerEvents;
import com.example.shop.contracts.customer.SurveyEvents;
import com.example.shop.contracts.order.OrderEvents;
import com.example.shop.platform.testsupport.SampleEvents;
import com.example.shop.platform.testsupport.TestTokens;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Customer, cart, survey and order events through the real broker: the recipient directory, consent, unsubscribe
 * links, every template reaching a real SMTP server, and deletion.
 */
class CustomerMailIntegrationTests extends MailFlowIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RestTestClient http;

    /** A customer of these tests: fresh id, address and unsubscribe token. */
    private record Customer(UUID id, String email, String token) {

        static Customer fresh() {
            UUID id = UUID.randomUUID();
            return new Customer(id, "ada-" + id + "@example.com", "u_" + id.toString().substring(0, 8));
        }
    }

    private void send(String topic, String key, ObjectNode event) {
        kafka.send(topic, key, SampleEvents.toJson(event)).join();
    }

    /** customer-service's registration sample for the customer, every topic on e-mail, with marketing consent. */
    private ObjectNode registered(Customer customer, Instant at) {
        ObjectNode event = SampleEvents.load(CustomerEvents.TOPIC, CustomerEvents.CUSTOMER_REGISTERED,
                customer.id().toString());
        SampleEvents.data(event).put("customerId", customer.id().toString()).put("email", customer.email())
                .put("unsubscribeToken", customer.token()).put("registeredAt", at.toString());
        return event;
    }

    /** A preferences change of the customer: consent as given, e-mail only on the given topics. */
    private ObjectNode preferences(Customer customer, Instant at, boolean marketing, String... emailTopics) {
        ObjectNode event = SampleEvents.load(CustomerEvents.TOPIC, CustomerEvents.CUSTOMER_PREFERENCES_CHANGED,
                customer.id().toString());
        ObjectNode data = SampleEvents.data(event);
        data.put("customerId", customer.id().toString()).put("email", customer.email())
                .put("unsubscribeToken", customer.token()).put("changedAt", at.toString());
        ObjectNode prefs = (ObjectNode) data.get("preferences");
        prefs.put("marketingOptIn", marketing);
        ArrayNode subscriptions = prefs.putArray("subscriptions");
        for (String topic : List.of("ACCOUNT", "ORDER_UPDATES", "CART_REMINDERS", "SURVEYS")) {
            ObjectNode subscription = subscriptions.addObject().put("topic", topic);
            ArrayNode channels = subscription.putArray("channels");
            if (List.of(emailTopics).contains(topic)) {
                channels.add("EMAIL");
            }
        }
        return event;
    }

    private ObjectNode orderEvent(String type, Customer customer, UUID order, String eventEmail) {
        ObjectNode event = SampleEvents.load(OrderEvents.TOPIC, type, order.toString());
        SampleEvents.data(event).put("orderId", order.toString()).put("customerId", customer.id().toString())
                .put("customerEmail", eventEmail);
        return event;
    }

    private ObjectNode abandonedCart(Customer customer) {
        UUID cart = UUID.randomUUID();
        ObjectNode event = SampleEvents.load(CartEvents.TOPIC, CartEvents.CART_ABANDONED, cart.toString());
        SampleEvents.data(event).put("cartId", cart.toString()).put("customerId", customer.id().toString());
        return event;
    }

    private ObjectNode surveyInvitation(Customer customer, UUID order) {
        ObjectNode event = SampleEvents.load(SurveyEvents.TOPIC, SurveyEvents.SURVEY_INVITED, customer.id().toString());
        SampleEvents.data(event).put("customerId", customer.id().toString()).put("email", customer.email())
                .put("orderId", order.toString())
                .put("surveyUrl", "http://shop.test/api/surveys/s_" + customer.id());
        return event;
    }

    /** Registers the customer and waits for the welcome mail, so the directory knows them. */
    private void register(Customer customer) {
        send(CustomerEvents.TOPIC, customer.id().toString(), registered(customer, Instant.now()));
        await().atMost(PATIENCE).until(() -> rows(customer, "WELCOME", "SENT") == 1);
    }

    private long rows(Customer customer, String type, String status) {
        return jdbc.sql("select count(*) from notification where customer_id = ? and type = ? and status = ?")
                .params(customer.id(), type, status).query(Long.class).single();
    }

    private long rows(Customer customer) {
        return jdbc.sql("select count(*) from notification where customer_id = ?").param(customer.id())
                .query(Long.class).single();
    }

    private MimeMessage onlyMailWithSubject(Customer customer, String subject) {
        await().atMost(PATIENCE).until(() -> TestSmtp.messagesTo(customer.email()).stream()
                .anyMatch(m -> Mails.subject(m).equals(subject)));
        List<MimeMessage> matching = TestSmtp.messagesTo(customer.email()).stream()
                .filter(m -> Mails.subject(m).equals(subject)).toList();
        assertThat(matching).hasSize(1);
        return matching.getFirst();
    }

    private String unsubscribeUrl(Customer customer, String topic) {
        return "http://shop.test/api/customers/unsubscribe?token=" + customer.token() + "&topic=" + topic;
    }

    @Test
    void welcomesANewCustomerWithoutUnsubscribeLink() {
        Customer ada = Customer.fresh();

        register(ada);

        MimeMessage welcome = onlyMailWithSubject(ada, "Welcome to our shop");
        assertThat(Mails.text(welcome)).contains("Hello Ada Lovelace,").doesNotContain("Unsubscribe");
        assertThat(Mails.html(welcome)).contains("Ada Lovelace");
        assertThat(Mails.header(welcome, "List-Unsubscribe")).isNull();
    }

    @Test
    void mailsTheShipmentWithTrackingToTheDirectoryAddressWithUnsubscribeHeaderAndLink() {
        Customer ada = Customer.fresh();
        register(ada);
        UUID order = UUID.randomUUID();

        // The directory's address wins over the one the order carries.
        send(OrderEvents.TOPIC, order.toString(),
                orderEvent(OrderEvents.ORDER_SHIPPED, ada, order, "old-" + ada.email()));

        MimeMessage shipped = onlyMailWithSubject(ada,
                "Your order " + order.toString().substring(0, 8) + " is on its way");
        String link = unsubscribeUrl(ada, "ORDER_UPDATES");
        assertThat(Mails.text(shipped)).contains("Tracking number: PC123456789NL").contains("PARCELCO")
                .contains("http://localhost:8091/track/PC123456789NL").contains(link);
        assertThat(Mails.html(shipped)).contains("PC123456789NL").contains(link.replace("&", "&amp;"));
        assertThat(Mails.header(shipped, "List-Unsubscribe")).isEqualTo("<" + link + ">");
        assertThat(Mails.header(shipped, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
    }

    @Test
    void sendsOneRefundMailPerEventEvenWhenRedelivered() {
        Customer ada = Customer.fresh();
        register(ada);
        UUID order = UUID.randomUUID();
        ObjectNode refunded = orderEvent(OrderEvents.ORDER_REFUNDED, ada, order, ada.email());

        send(OrderEvents.TOPIC, order.toString(), refunded);
        send(OrderEvents.TOPIC, order.toString(), refunded);
        // Same key: once this later event's mail is recorded, both deliveries above have been processed.
        send(OrderEvents.TOPIC, order.toString(), orderEvent(OrderEvents.ORDER_CANCELLED, ada, order, ada.email()));
        await().atMost(PATIENCE).until(() -> rows(ada, "ORDER_CANCELLED", "SENT") == 1
                && rows(ada, "ORDER_REFUNDED", "SENT") == 1);

        MimeMessage mail = onlyMailWithSubject(ada,
                "We have refunded 19.99 EUR for your order " + order.toString().substring(0, 8));
        assertThat(Mails.text(mail)).contains("refunded 19.99 EUR").contains("1 x Enamel mug");
        assertThat(rows(ada)).isEqualTo(3);
    }

    @Test
    void recordsAnOrderMailAsSuppressedWhenTheCustomerTurnedOrderUpdatesOff() {
        Customer ada = Customer.fresh();
        register(ada);
        send(CustomerEvents.TOPIC, ada.id().toString(), preferences(ada, Instant.now(), true, "ACCOUNT", "SURVEYS"));
        UUID order = UUID.randomUUID();
        UUID later = UUID.randomUUID();

        // Customer events and order events travel on different topics: wait until the change has been applied.
        await().atMost(PATIENCE).until(() -> jdbc.sql("""
                select count(*) from recipient
                where customer_id = ? and not (subscriptions->'ORDER_UPDATES') @> '["EMAIL"]'::jsonb
                """).param(ada.id()).query(Long.class).single() == 1);
        send(OrderEvents.TOPIC, order.toString(), orderEvent(OrderEvents.ORDER_CONFIRMED, ada, order, ada.email()));
        send(OrderEvents.TOPIC, later.toString(), orderEvent(OrderEvents.ORDER_CONFIRMED, ada, later, ada.email()));
        await().atMost(PATIENCE).until(() -> rows(ada, "ORDER_CONFIRMED", "SUPPRESSED") == 2);

        assertThat(TestSmtp.messagesTo(ada.email())).extracting(Mails::subject).containsExactly("Welcome to our shop");
        http.get().uri("/api/customers/me/notifications")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.customer(ada.id(), ada.email()))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(3)
                .jsonPath("$[0].status").isEqualTo("SUPPRESSED")
                .jsonPath("$[0].statusReason").isEqualTo("e-mail turned off for ORDER_UPDATES")
                .jsonPath("$[0].type").isEqualTo("ORDER_CONFIRMED")
                .jsonPath("$[0].subject").isNotEmpty()
                .jsonPath("$[0].sentAt").doesNotExist();
    }

    @Test
    void remindsOfAnAbandonedCartOnlyWithMarketingConsent() {
        Customer consenting = Customer.fresh();
        Customer refusing = Customer.fresh();
        Customer unknown = Customer.fresh();
        register(consenting);
        register(refusing);
        send(CustomerEvents.TOPIC, refusing.id().toString(),
                preferences(refusing, Instant.now(), false, "ACCOUNT", "ORDER_UPDATES", "CART_REMINDERS", "SURVEYS"));
        await().atMost(PATIENCE).until(() -> jdbc.sql(
                "select count(*) from recipient where customer_id = ? and not marketing_opt_in")
                .param(refusing.id()).query(Long.class).single() == 1);

        send(CartEvents.TOPIC, unknown.id().toString(), abandonedCart(unknown));
        send(CartEvents.TOPIC, refusing.id().toString(), abandonedCart(refusing));
        send(CartEvents.TOPIC, consenting.id().toString(), abandonedCart(consenting));

        MimeMessage reminder = onlyMailWithSubject(consenting, "You left something in your cart");
        assertThat(Mails.text(reminder)).contains("2 x Enamel mug").contains(unsubscribeUrl(consenting,
                "CART_REMINDERS"));
        assertThat(Mails.header(reminder, "List-Unsubscribe"))
                .isEqualTo("<" + unsubscribeUrl(consenting, "CART_REMINDERS") + ">");
        await().atMost(PATIENCE).until(() -> rows(refusing, "CART_REMINDER", "SUPPRESSED") == 1);
        assertThat(jdbc.sql("select status_reason from notification where customer_id = ? and type = 'CART_REMINDER'")
                .param(refusing.id()).query(String.class).single()).isEqualTo("no marketing consent");
        assertThat(TestSmtp.messagesTo(refusing.email())).extracting(Mails::subject)
                .containsExactly("Welcome to our shop");
        assertThat(rows(unknown)).isZero();
    }

    @Test
    void mailsTheSurveyLinkWithTheZeroToTenQuestion() {
        Customer ada = Customer.fresh();
        register(ada);
        UUID order = UUID.randomUUID();

        send(SurveyEvents.TOPIC, ada.id().toString(), surveyInvitation(ada, order));

        MimeMessage survey = onlyMailWithSubject(ada, "How likely are you to recommend us?");
        assertThat(Mails.text(survey)).contains("On a scale from 0 to 10")
                .contains("http://shop.test/api/surveys/s_" + ada.id()).contains(order.toString());
        assertThat(Mails.html(survey)).contains("href=\"http://shop.test/api/surveys/s_" + ada.id() + "\"");
        assertThat(Mails.header(survey, "List-Unsubscribe")).isEqualTo("<" + unsubscribeUrl(ada, "SURVEYS") + ">");
    }

    @Test
    void keepsTheNewestPreferencesWhenAnOlderEventArrivesLater() {
        Customer ada = Customer.fresh();
        Instant registeredAt = Instant.parse("2026-01-01T10:00:00Z");

        // The change (surveys off) is newer than the registration (everything on) but arrives first.
        send(CustomerEvents.TOPIC, ada.id().toString(),
                preferences(ada, registeredAt.plusSeconds(60), true, "ACCOUNT", "ORDER_UPDATES"));
        send(CustomerEvents.TOPIC, ada.id().toString(), registered(ada, registeredAt));
        await().atMost(PATIENCE).until(() -> rows(ada, "WELCOME", "SENT") == 1);
        send(SurveyEvents.TOPIC, ada.id().toString(), surveyInvitation(ada, UUID.randomUUID()));

        await().atMost(PATIENCE).until(() -> rows(ada, "SURVEY", "SUPPRESSED") == 1);
        assertThat(jdbc.sql("select as_of from recipient where customer_id = ?").param(ada.id())
                .query(Instant.class).single()).isEqualTo(registeredAt.plusSeconds(60));
    }

    @Test
    void forgetsADeletedCustomerAnonymisesTheirHistoryAndSendsThemNothingMore() {
        Customer ada = Customer.fresh();
        register(ada);
        // An e-mail still waiting for its next attempt when the account is deleted.
        jdbc.sql("""
                insert into notification (id, event_id, type, topic, order_id, customer_id, channel, recipient,
                        subject, body, status, attempts, next_attempt_at, created_at)
                values (gen_random_uuid(), gen_random_uuid(), 'ORDER_CONFIRMED', 'ORDER_UPDATES', gen_random_uuid(),
                        ?, 'EMAIL', ?, 'Your order is confirmed', 'Hello', 'PENDING', 3,
                        now() + interval '1 hour', now())
                """).params(ada.id(), ada.email()).update();
        ObjectNode deleted = SampleEvents.load(CustomerEvents.TOPIC, CustomerEvents.CUSTOMER_DELETED,
                ada.id().toString());
        SampleEvents.data(deleted).put("customerId", ada.id().toString());

        send(CustomerEvents.TOPIC, ada.id().toString(), deleted);
        await().atMost(PATIENCE).until(() -> rows(ada, "ORDER_CONFIRMED", "CANCELLED") == 1);

        assertThat(jdbc.sql("""
                select count(*) from notification
                where customer_id = ? and (recipient is not null or subject is not null or body is not null
                                           or html_body is not null or unsubscribe_url is not null)
                """).param(ada.id()).query(Long.class).single()).isZero();
        assertThat(rows(ada, "WELCOME", "SENT")).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from recipient where customer_id = ?").param(ada.id())
                .query(Long.class).single()).isZero();

        // Neither a late order mail nor a redelivered registration reaches them or brings their data back.
        UUID order = UUID.randomUUID();
        UUID marker = UUID.randomUUID();
        Customer other = Customer.fresh();
        send(OrderEvents.TOPIC, order.toString(), orderEvent(OrderEvents.ORDER_SHIPPED, ada, order, ada.email()));
        send(OrderEvents.TOPIC, order.toString(), orderEvent(OrderEvents.ORDER_SHIPPED, other, marker,
                other.email()));
        ObjectNode lateChange = preferences(ada, Instant.now(), true, "ORDER_UPDATES");
        send(CustomerEvents.TOPIC, ada.id().toString(), registered(ada, Instant.now()));
        send(CustomerEvents.TOPIC, ada.id().toString(), lateChange);
        // Same keys as the events before them: once these are processed, so are the ones for Ada.
        await().atMost(PATIENCE).until(() -> rows(other, "ORDER_SHIPPED", "SENT") == 1);
        await().atMost(PATIENCE).until(() -> jdbc.sql("select count(*) from inbox_event where event_id = ?")
                .param(UUID.fromString(lateChange.get("id").asString())).query(Long.class).single() == 1);
        assertThat(rows(ada)).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from recipient where customer_id = ?").param(ada.id())
                .query(Long.class).single()).isZero();
        assertThat(TestSmtp.messagesTo(ada.email())).extracting(Mails::subject).containsExactly("Welcome to our shop");
    }

    @Test
    void exportsTheDirectoryEntryPreferencesAndMailsAsPersonalData() {
        Customer ada = Customer.fresh();
        register(ada);

        http.get().uri("/internal/customers/{id}/personal-data", ada.id())
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.service").isEqualTo("notification-service")
                .jsonPath("$.data.recipient.email").isEqualTo(ada.email())
                .jsonPath("$.data.recipient.name").isEqualTo("Ada Lovelace")
                .jsonPath("$.data.preferences.marketingOptIn").isEqualTo(true)
                .jsonPath("$.data.preferences.subscriptions.length()").isEqualTo(4)
                .jsonPath("$.data.notifications.length()").isEqualTo(1)
                .jsonPath("$.data.notifications[0].type").isEqualTo("WELCOME")
                .jsonPath("$.data.notifications[0].recipient").isEqualTo(ada.email())
                .jsonPath("$.data.notifications[0].subject").isEqualTo("Welcome to our shop");
    }

    @Test
    void exportsNothingForACustomerItDoesNotKnowAndRefusesAMalformedId() {
        http.get().uri("/internal/customers/{id}/personal-data", UUID.randomUUID())
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.data.recipient").doesNotExist()
                .jsonPath("$.data.notifications.length()").isEqualTo(0);
        http.get().uri("/internal/customers/not-a-uuid/personal-data")
                .exchange()
                .expectStatus().isBadRequest();
    }
}
