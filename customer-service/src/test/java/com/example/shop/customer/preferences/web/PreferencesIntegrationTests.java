package com.example.shop.customer.preferences.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
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

class PreferencesIntegrationTests extends IntegrationTest {

    private static final TopicRecorder customerEvents = new TopicRecorder(CustomerEvents.TOPIC);
    private static final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    @AfterAll
    static void stopRecording() {
        customerEvents.close();
    }

    private List<JsonNode> eventsOf(Shoppers.Shopper shopper) {
        return customerEvents.valuesWithKey(shopper.id().toString()).stream().map(json::readTree).toList();
    }

    private RestTestClient.ResponseSpec put(Shoppers.Shopper who, String body) {
        return http.put().uri("/api/customers/me/preferences").header(HttpHeaders.AUTHORIZATION, who.bearer())
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }

    private long consentEntries(Shoppers.Shopper who) {
        return jdbc.sql("select count(*) from consent_history where customer_id = ?").param(who.id())
                .query(Long.class).single();
    }

    @Test
    void registrationGivesEmailForEveryTopicAndTheConsentAsked() {
        var ada = new Shoppers(http).register(true);

        http.get().uri("/api/customers/me/preferences").header(HttpHeaders.AUTHORIZATION, ada.bearer()).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.marketingOptIn").isEqualTo(true)
                .jsonPath("$.subscriptions.length()").isEqualTo(4)
                .jsonPath("$.subscriptions[?(@.topic == 'SURVEYS')].channels[0]").isEqualTo("EMAIL");

        await().atMost(Duration.ofSeconds(30)).until(() -> eventsOf(ada).size() == 1);
        JsonNode registered = eventsOf(ada).getFirst();
        assertThat(registered.get("type").asString()).isEqualTo(CustomerEvents.CUSTOMER_REGISTERED);
        JsonNode data = registered.get("data");
        assertThat(data.get("email").asString()).isEqualTo(ada.email());
        assertThat(data.get("preferences").get("marketingOptIn").asBoolean()).isTrue();
        assertThat(data.get("unsubscribeToken").asString()).startsWith("u_").hasSizeGreaterThan(30);
        assertThat(consentEntries(ada)).isEqualTo(1);
    }

    @Test
    void marketingConsentIsOffUnlessGiven() {
        var ada = new Shoppers(http).register(false);

        http.get().uri("/api/customers/me/preferences").header(HttpHeaders.AUTHORIZATION, ada.bearer()).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.marketingOptIn").isEqualTo(false);
    }

    @Test
    void aChangePublishesTheWholeStateOnceAndIsRecordedInTheConsentHistory() {
        var ada = new Shoppers(http).register(true);
        String wanted = """
                {"marketingOptIn":false,"subscriptions":[
                  {"topic":"ACCOUNT","channels":["EMAIL"]},
                  {"topic":"ORDER_UPDATES","channels":["EMAIL","SMS"]},
                  {"topic":"SURVEYS","channels":[]}]}""";

        put(ada, wanted).expectStatus().isOk()
                .expectBody()
                .jsonPath("$.marketingOptIn").isEqualTo(false)
                .jsonPath("$.subscriptions[?(@.topic == 'CART_REMINDERS')].channels.length()").isEqualTo(0)
                .jsonPath("$.subscriptions[?(@.topic == 'ORDER_UPDATES')].channels.length()").isEqualTo(2);
        // The same state again changes nothing and publishes nothing.
        put(ada, wanted).expectStatus().isOk();

        await().atMost(Duration.ofSeconds(30)).until(() -> eventsOf(ada).size() >= 2);
        JsonNode changed = eventsOf(ada).get(1);
        assertThat(changed.get("type").asString()).isEqualTo(CustomerEvents.CUSTOMER_PREFERENCES_CHANGED);
        assertThat(changed.get("subject").asString()).isEqualTo(ada.id().toString());
        JsonNode preferences = changed.get("data").get("preferences");
        assertThat(preferences.get("marketingOptIn").asBoolean()).isFalse();
        assertThat(preferences.get("subscriptions").toString())
                .contains("{\"topic\":\"ORDER_UPDATES\",\"channels\":[\"EMAIL\",\"SMS\"]}")
                .contains("{\"topic\":\"CART_REMINDERS\",\"channels\":[]}");
        assertThat(changed.get("data").get("unsubscribeToken").asString())
                .isEqualTo(eventsOf(ada).getFirst().get("data").get("unsubscribeToken").asString());
        assertThat(jdbc.sql("select count(*) from outbox_event where message_key = ?").param(ada.id().toString())
                .query(Long.class).single()).isEqualTo(2);

        Map<String, Object> history = jdbc.sql("""
                select source, marketing_opt_in_before, marketing_opt_in_after from consent_history
                 where customer_id = ? order by id desc limit 1""").param(ada.id()).query().singleRow();
        assertThat(history).containsEntry("source", "CUSTOMER").containsEntry("marketing_opt_in_before", true)
                .containsEntry("marketing_opt_in_after", false);
        assertThat(consentEntries(ada)).isEqualTo(2);
    }

    @Test
    void aNewNamePublishesThePreferencesWithIt() {
        var ada = new Shoppers(http).register();

        http.patch().uri("/api/customers/me").header(HttpHeaders.AUTHORIZATION, ada.bearer())
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("name", "Ada King")).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.name").isEqualTo("Ada King");

        http.get().uri("/api/customers/me").header(HttpHeaders.AUTHORIZATION, ada.bearer()).exchange()
                .expectBody().jsonPath("$.name").isEqualTo("Ada King");
        await().atMost(Duration.ofSeconds(30)).until(() -> eventsOf(ada).size() == 2);
        assertThat(eventsOf(ada).get(1).get("data").get("name").asString()).isEqualTo("Ada King");
    }

    @Test
    void refusesABlankOrOverlongName() {
        var ada = new Shoppers(http).register();

        for (String name : List.of("  ", "x".repeat(101), "Ada\u0000")) {
            http.patch().uri("/api/customers/me").header(HttpHeaders.AUTHORIZATION, ada.bearer())
                    .contentType(MediaType.APPLICATION_JSON).body(Map.of("name", name)).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Test
    void refusesUnknownTopicsChannelsAndMalformedBodiesWithoutChangingAnything() {
        var ada = new Shoppers(http).register(true);

        for (String body : List.of(
                "{\"marketingOptIn\":false,\"subscriptions\":[{\"topic\":\"NEWSLETTER\",\"channels\":[\"EMAIL\"]}]}",
                "{\"marketingOptIn\":false,\"subscriptions\":[{\"topic\":\"SURVEYS\",\"channels\":[\"PIGEON\"]}]}",
                "{\"marketingOptIn\":false,\"subscriptions\":[{\"topic\":\"SURVEYS\",\"channels\":[]},{\"topic\":\"SURVEYS\",\"channels\":[]}]}",
                "{\"marketingOptIn\":false,\"subscriptions\":[{\"topic\":\"SURVEYS\"}]}",
                "{\"marketingOptIn\":false}",
                "{\"subscriptions\":[]}",
                "{\"marketingOptIn\":\"maybe\",\"subscriptions\":[]}",
                "not json")) {
            put(ada, body).expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }

        http.get().uri("/api/customers/me/preferences").header(HttpHeaders.AUTHORIZATION, ada.bearer()).exchange()
                .expectBody().jsonPath("$.marketingOptIn").isEqualTo(true);
        assertThat(consentEntries(ada)).isEqualTo(1);
    }
}
