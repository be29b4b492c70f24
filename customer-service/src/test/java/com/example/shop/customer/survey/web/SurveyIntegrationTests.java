package com.example.shop.customer.survey.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

import com.example.shop.contracts.customer.SurveyEvents;
import com.example.shop.contracts.order.OrderEvents;
import com.example.shop.customer.IntegrationTest;
import com.example.shop.customer.Shoppers;
import com.example.shop.platform.testsupport.SampleEvents;
import com.example.shop.platform.testsupport.TopicRecorder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Delivered orders travel through the real broker; invitations and answers come back on survey-events. */
class SurveyIntegrationTests extends IntegrationTest {

    private static final TopicRecorder surveyEvents = new TopicRecorder(SurveyEvents.TOPIC);
    private static final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @AfterAll
    static void stopRecording() {
        surveyEvents.close();
    }

    private static ObjectNode delivered(UUID customer, UUID order) {
        ObjectNode event = SampleEvents.load(OrderEvents.TOPIC, OrderEvents.ORDER_DELIVERED, order.toString());
        SampleEvents.data(event).put("orderId", order.toString()).put("customerId", customer.toString());
        return event;
    }

    private void send(ObjectNode event) {
        kafka.send(OrderEvents.TOPIC, event.get("subject").asString(), SampleEvents.toJson(event)).join();
    }

    private List<JsonNode> eventsOf(UUID customer, String type) {
        return surveyEvents.valuesWithKey(customer.toString()).stream().map(json::readTree)
                .filter(event -> type.equals(event.get("type").asString())).toList();
    }

    /** A delivered order of a new customer, and the invitation it led to. */
    private JsonNode invitedAfterDelivery(Shoppers.Shopper shopper) {
        send(delivered(shopper.id(), UUID.randomUUID()));
        await().atMost(Duration.ofSeconds(30)).until(() -> eventsOf(shopper.id(), SurveyEvents.SURVEY_INVITED).size() == 1);
        return eventsOf(shopper.id(), SurveyEvents.SURVEY_INVITED).getFirst().get("data");
    }

    private static String tokenOf(JsonNode invitation) {
        String url = invitation.get("surveyUrl").asString();
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private RestTestClient.ResponseSpec answer(String token, Object body) {
        return http.post().uri("/api/surveys/{token}", token).contentType(MediaType.APPLICATION_JSON).body(body)
                .exchange();
    }

    @Test
    void aDeliveryReportedTwiceLeadsToOneSurveyAndOneInvitation() {
        var ada = new Shoppers(http).register();
        UUID order = UUID.randomUUID();
        ObjectNode event = delivered(ada.id(), order);

        send(event);
        send(event);
        ObjectNode sameOrderNewEventId = delivered(ada.id(), order);
        send(sameOrderNewEventId);
        // Same key, so once this later order's invitation is out, the three deliveries above were processed.
        UUID later = UUID.randomUUID();
        send(delivered(ada.id(), later).put("subject", order.toString()));

        await().atMost(Duration.ofSeconds(30)).until(() -> eventsOf(ada.id(), SurveyEvents.SURVEY_INVITED).size() >= 2);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> eventsOf(ada.id(), SurveyEvents.SURVEY_INVITED).size() == 2);
        assertThat(eventsOf(ada.id(), SurveyEvents.SURVEY_INVITED)).extracting(e -> e.get("data").get("orderId").asString())
                .containsExactlyInAnyOrder(order.toString(), later.toString());
        assertThat(jdbc.sql("select count(*) from survey where order_id = ?").param(order).query(Long.class).single())
                .isEqualTo(1);

        JsonNode invitation = eventsOf(ada.id(), SurveyEvents.SURVEY_INVITED).getFirst().get("data");
        assertThat(invitation.get("email").asString()).isEqualTo(ada.email());
        assertThat(invitation.get("name").asString()).isEqualTo("Ada Lovelace");
        assertThat(invitation.get("surveyUrl").asString()).startsWith("https://shop.test/api/surveys/s_");
    }

    @Test
    void aSurveyIsAnsweredOnceAndTheAnswerPublished() {
        var ada = new Shoppers(http).register();
        JsonNode invitation = invitedAfterDelivery(ada);
        String token = tokenOf(invitation);

        http.get().uri("/api/surveys/{token}", token).exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.question").isNotEmpty()
                .jsonPath("$.orderId").isEqualTo(invitation.get("orderId").asString())
                .jsonPath("$.answered").isEqualTo(false)
                .jsonPath("$.expiresAt").isEqualTo(invitation.get("expiresAt").asString());

        answer(token, Map.of("score", 9, "comment", "Quick delivery.")).expectStatus().isCreated()
                .expectBody().jsonPath("$.score").isEqualTo(9);
        answer(token, Map.of("score", 3)).expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);

        http.get().uri("/api/surveys/{token}", token).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.answered").isEqualTo(true);
        await().atMost(Duration.ofSeconds(30)).until(() -> eventsOf(ada.id(), SurveyEvents.SURVEY_ANSWERED).size() == 1);
        JsonNode answered = eventsOf(ada.id(), SurveyEvents.SURVEY_ANSWERED).getFirst().get("data");
        assertThat(answered.get("score").asInt()).isEqualTo(9);
        assertThat(answered.get("comment").asString()).isEqualTo("Quick delivery.");
        assertThat(answered.get("orderId").asString()).isEqualTo(invitation.get("orderId").asString());
    }

    @Test
    void anExpiredSurveyIsGone() {
        var ada = new Shoppers(http).register();
        String token = tokenOf(invitedAfterDelivery(ada));
        jdbc.sql("update survey set expires_at = now() - interval '1 minute' where token = ?").param(token).update();

        http.get().uri("/api/surveys/{token}", token).exchange().expectStatus().isEqualTo(410);
        answer(token, Map.of("score", 10)).expectStatus().isEqualTo(410)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void refusesUnknownTokensAndBadAnswers() {
        var ada = new Shoppers(http).register();
        String token = tokenOf(invitedAfterDelivery(ada));

        http.get().uri("/api/surveys/s_unknown").exchange().expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        answer("s_unknown", Map.of("score", 5)).expectStatus().isNotFound();
        for (Object bad : List.of(Map.of("score", 11), Map.of("score", -1), Map.of("comment", "no score"),
                Map.of("score", 5, "comment", "x".repeat(2001)), "{\"score\":\"ten\"}", "not json")) {
            answer(token, bad).expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
        answer(token, Map.of("score", 0, "comment", "x".repeat(2000))).expectStatus().isCreated();
    }

    @Test
    void deletedCustomersAreNotInvitedAndTheirAnswersLoseThePerson() {
        var shoppers = new Shoppers(http);
        var ada = shoppers.register();
        String token = tokenOf(invitedAfterDelivery(ada));
        answer(token, Map.of("score", 7, "comment", "My name is Ada")).expectStatus().isCreated();

        http.delete().uri("/api/customers/me").header(HttpHeaders.AUTHORIZATION, ada.bearer()).exchange()
                .expectStatus().isNoContent();
        Map<String, Object> kept = jdbc.sql("select customer_id, score, comment from survey where token = ?")
                .param(token).query().singleRow();
        assertThat(kept.get("customer_id")).isNull();
        assertThat(kept.get("comment")).isNull();
        assertThat(((Number) kept.get("score")).intValue()).isEqualTo(7);

        UUID order = UUID.randomUUID();
        send(delivered(ada.id(), order));
        var bob = shoppers.register();
        UUID bobsOrder = UUID.randomUUID();
        // Same key (the order topic is keyed by order), so Bob's invitation comes after Ada's delivery was handled.
        send(delivered(bob.id(), bobsOrder).put("subject", order.toString()));
        await().atMost(Duration.ofSeconds(30)).until(() -> eventsOf(bob.id(), SurveyEvents.SURVEY_INVITED).size() == 1);
        assertThat(jdbc.sql("select count(*) from survey where order_id = ?").param(order).query(Long.class).single())
                .isZero();
    }

    @Test
    void computesTheNetPromoterScoreOfAPeriod() {
        var shoppers = new Shoppers(http);
        String admin = shoppers.adminBearer();
        // Answers in a period of their own, far from the other tests' answers.
        int[] scores = { 10, 9, 9, 8, 7, 6, 0 };
        for (int i = 0; i < scores.length; i++) {
            jdbc.sql("""
                    insert into survey (id, token, order_id, customer_id, created_at, due_at, expires_at, invited_at,
                                        answered_at, score, comment)
                    values (?, ?, ?, null, timestamptz '2001-03-01 00:00Z', timestamptz '2001-03-01 00:00Z',
                            timestamptz '2001-04-01 00:00Z', timestamptz '2001-03-01 00:00Z',
                            timestamptz '2001-03-10 12:00Z' + ? * interval '1 hour', ?, ?)""")
                    .params(UUID.randomUUID(), "s_nps_" + UUID.randomUUID(), UUID.randomUUID(), i, scores[i],
                            "comment " + i)
                    .update();
        }

        http.get().uri("/api/admin/surveys/nps?from=2001-03-01&to=2001-03-31").header(HttpHeaders.AUTHORIZATION, admin)
                .exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.from").isEqualTo("2001-03-01T00:00:00Z")
                .jsonPath("$.to").isEqualTo("2001-04-01T00:00:00Z")
                .jsonPath("$.responses").isEqualTo(7)
                .jsonPath("$.promoters").isEqualTo(3)
                .jsonPath("$.passives").isEqualTo(2)
                .jsonPath("$.detractors").isEqualTo(2)
                // 100 x (3 - 2) / 7 = 14.3
                .jsonPath("$.nps").isEqualTo(14);
        http.get().uri("/api/admin/surveys/nps?from=2001-03-10T13:00:00Z&to=2001-03-10T15:00:00Z")
                .header(HttpHeaders.AUTHORIZATION, admin).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.responses").isEqualTo(2).jsonPath("$.nps").isEqualTo(100);
        http.get().uri("/api/admin/surveys/nps?from=2000-01-01&to=2000-12-31").header(HttpHeaders.AUTHORIZATION, admin)
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.responses").isEqualTo(0).jsonPath("$.nps").doesNotExist();
        http.get().uri("/api/admin/surveys/nps").header(HttpHeaders.AUTHORIZATION, admin).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.from").isNotEmpty();

        http.get().uri("/api/admin/surveys/responses?from=2001-03-01&to=2001-03-31&page=1&size=3")
                .header(HttpHeaders.AUTHORIZATION, admin).exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.totalElements").isEqualTo(7)
                .jsonPath("$.items.length()").isEqualTo(3)
                .jsonPath("$.items[0].score").isEqualTo(8)
                .jsonPath("$.items[0].comment").isEqualTo("comment 3");
    }

    @Test
    void refusesABadPeriodAndNonAdministrators() {
        var shoppers = new Shoppers(http);
        String admin = shoppers.adminBearer();

        for (String query : List.of("from=2001-04-01&to=2001-03-01", "from=yesterday", "to=2001-13-01",
                "from=2001-03-01T00:00:00Z&to=2001-02-01T00:00:00Z")) {
            http.get().uri("/api/admin/surveys/nps?" + query).header(HttpHeaders.AUTHORIZATION, admin).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
        http.get().uri("/api/admin/surveys/responses?size=500").header(HttpHeaders.AUTHORIZATION, admin).exchange()
                .expectStatus().isBadRequest();
        http.get().uri("/api/admin/surveys/nps").header(HttpHeaders.AUTHORIZATION, shoppers.register().bearer())
                .exchange().expectStatus().isForbidden();
    }
}
