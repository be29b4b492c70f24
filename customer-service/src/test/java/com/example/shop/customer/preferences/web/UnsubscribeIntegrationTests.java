package com.example.shop.customer.preferences.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import com.example.shop.contracts.customer.CustomerEvents;
import com.example.shop.customer.IntegrationTest;
import com.example.shop.customer.Shoppers;
import com.example.shop.platform.testsupport.TopicRecorder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class UnsubscribeIntegrationTests extends IntegrationTest {

    private static final TopicRecorder customerEvents = new TopicRecorder(CustomerEvents.TOPIC);
    private static final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    private Shoppers.Shopper ada;
    private String token;

    @AfterAll
    static void stopRecording() {
        customerEvents.close();
    }

    @BeforeEach
    void registerACustomer() {
        ada = new Shoppers(http).register(true);
        token = jdbc.sql("select unsubscribe_token from customer_preferences where customer_id = ?").param(ada.id())
                .query(String.class).single();
    }

    private List<JsonNode> eventsOfAda() {
        return customerEvents.valuesWithKey(ada.id().toString()).stream().map(json::readTree).toList();
    }

    private JsonNode preferencesOfAda() {
        String body = http.get().uri("/api/customers/me/preferences").header(HttpHeaders.AUTHORIZATION, ada.bearer())
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        return json.readTree(body);
    }

    private static List<String> channels(JsonNode preferences, String topic) {
        for (JsonNode subscription : preferences.get("subscriptions")) {
            if (topic.equals(subscription.get("topic").asString())) {
                return subscription.get("channels").valueStream().map(JsonNode::asString).toList();
            }
        }
        throw new AssertionError("no topic " + topic);
    }

    private long outboxRowsOfAda() {
        return jdbc.sql("select count(*) from outbox_event where message_key = ?").param(ada.id().toString())
                .query(Long.class).single();
    }

    @Test
    void postingTheLinkTurnsTheTopicsEmailOffOnceAndPublishesTheChange() {
        http.post().uri("/api/customers/unsubscribe?token={t}&topic=SURVEYS", token).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody().jsonPath("$.unsubscribed[0]").isEqualTo("SURVEYS").jsonPath("$.changed").isEqualTo(true);
        http.post().uri("/api/customers/unsubscribe?token={t}&topic=SURVEYS", token).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.changed").isEqualTo(false);

        JsonNode preferences = preferencesOfAda();
        assertThat(channels(preferences, "SURVEYS")).isEmpty();
        assertThat(channels(preferences, "CART_REMINDERS")).containsExactly("EMAIL");
        assertThat(preferences.get("marketingOptIn").asBoolean()).isTrue();

        await().atMost(Duration.ofSeconds(30)).until(() -> eventsOfAda().size() == 2);
        JsonNode changed = eventsOfAda().get(1);
        assertThat(changed.get("type").asString()).isEqualTo(CustomerEvents.CUSTOMER_PREFERENCES_CHANGED);
        assertThat(channels(changed.get("data").get("preferences"), "SURVEYS")).isEmpty();
        assertThat(outboxRowsOfAda()).isEqualTo(2);
        assertThat(jdbc.sql("select source from consent_history where customer_id = ? order by id desc limit 1")
                .param(ada.id()).query(String.class).single()).isEqualTo("UNSUBSCRIBE_LINK");
    }

    @Test
    void acceptsOneClickFormAndJsonBodies() {
        http.post().uri("/api/customers/unsubscribe?token={t}&topic=CART_REMINDERS", token)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body("List-Unsubscribe=One-Click").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.changed").isEqualTo(true);
        http.post().uri("/api/customers/unsubscribe").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body("token=" + token + "&topic=ORDER_UPDATES").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.changed").isEqualTo(true);
        http.post().uri("/api/customers/unsubscribe").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("token", token, "topic", "SURVEYS")).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.changed").isEqualTo(true);

        JsonNode preferences = preferencesOfAda();
        assertThat(channels(preferences, "CART_REMINDERS")).isEmpty();
        assertThat(channels(preferences, "ORDER_UPDATES")).isEmpty();
        assertThat(channels(preferences, "SURVEYS")).isEmpty();
        assertThat(channels(preferences, "ACCOUNT")).containsExactly("EMAIL");
    }

    @Test
    void allTurnsOffEveryTopicButAccount() {
        http.post().uri("/api/customers/unsubscribe?token={t}&topic=ALL", token).exchange().expectStatus().isOk();

        JsonNode preferences = preferencesOfAda();
        assertThat(channels(preferences, "ACCOUNT")).containsExactly("EMAIL");
        for (String topic : List.of("ORDER_UPDATES", "CART_REMINDERS", "SURVEYS")) {
            assertThat(channels(preferences, topic)).isEmpty();
        }
    }

    @Test
    void followingTheLinkShowsAConfirmationPageAndChangesNothing() {
        String page = http.get().uri("/api/customers/unsubscribe?token={t}&topic=SURVEYS", token)
                .accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(page).contains("<form method=\"post\"").contains("topic=SURVEYS");
        assertThat(channels(preferencesOfAda(), "SURVEYS")).containsExactly("EMAIL");
        await().atMost(Duration.ofSeconds(30)).until(() -> eventsOfAda().size() == 1);
        assertThat(outboxRowsOfAda()).isEqualTo(1);
    }

    @Test
    void anUnknownTokenIsNotFound() {
        http.post().uri("/api/customers/unsubscribe?token=u_nobodyHasThisToken&topic=SURVEYS").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        http.get().uri("/api/customers/unsubscribe?token=u_nobodyHasThisToken&topic=SURVEYS").exchange()
                .expectStatus().isNotFound();
        http.post().uri("/api/customers/unsubscribe?token={t}&topic=SURVEYS", "<script>").exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void refusesAMissingTokenOrAnUnknownTopic() {
        http.post().uri("/api/customers/unsubscribe?topic=SURVEYS").exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        http.post().uri("/api/customers/unsubscribe?token={t}&topic=NEWSLETTER", token).exchange()
                .expectStatus().isBadRequest();
        http.post().uri("/api/customers/unsubscribe?token={t}", token).exchange().expectStatus().isBadRequest();
        assertThat(channels(preferencesOfAda(), "SURVEYS")).containsExactly("EMAIL");
    }
}
