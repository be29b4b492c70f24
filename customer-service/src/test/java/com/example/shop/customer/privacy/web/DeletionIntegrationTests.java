package com.example.shop.customer.privacy.web;

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
import org.springframework.test.web.servlet.client.RestTestClient;

import com.example.shop.contracts.customer.CustomerEvents;
import com.example.shop.customer.IntegrationTest;
import com.example.shop.customer.Shoppers;
import com.example.shop.platform.testsupport.TopicRecorder;

import tools.jackson.databind.json.JsonMapper;

class DeletionIntegrationTests extends IntegrationTest {

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

    private long deletedEventsOf(UUID id) {
        return customerEvents.valuesWithKey(id.toString()).stream()
                .map(json::readTree)
                .filter(event -> CustomerEvents.CUSTOMER_DELETED.equals(event.get("type").asString()))
                .filter(event -> id.toString().equals(event.get("data").get("customerId").asString()))
                .count();
    }

    private void addAddress(Shoppers.Shopper who) {
        http.post().uri("/api/customers/me/addresses").header(HttpHeaders.AUTHORIZATION, who.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("label", "Home", "name", "Ada Lovelace", "line1", "12 St James's Square",
                        "city", "London", "postalCode", "SW1Y 4JH", "country", "GB"))
                .exchange().expectStatus().isCreated();
    }

    @Test
    void deletingTheAccountAnonymisesItAndPublishesTheDeletionOnce() {
        var shoppers = new Shoppers(http);
        var ada = shoppers.register(true);
        addAddress(ada);
        String token = jdbc.sql("select unsubscribe_token from customer_preferences where customer_id = ?")
                .param(ada.id()).query(String.class).single();

        http.delete().uri("/api/customers/me").header(HttpHeaders.AUTHORIZATION, ada.bearer()).exchange()
                .expectStatus().isNoContent();

        Map<String, Object> row = jdbc.sql("select email, name, status, password_hash from customer where id = ?")
                .param(ada.id()).query().singleRow();
        assertThat(row).containsEntry("email", "deleted-" + ada.id() + "@invalid")
                .containsEntry("name", "Deleted customer").containsEntry("status", "DELETED");
        assertThat(jdbc.sql("select count(*) from address where customer_id = ?").param(ada.id())
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from customer_preferences where customer_id = ?").param(ada.id())
                .query(Long.class).single()).isZero();

        // Login is refused as for a wrong password; an old token finds nobody; the unsubscribe link is dead.
        http.post().uri("/api/auth/token").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("email", ada.email(), "password", ada.password())).exchange()
                .expectStatus().isUnauthorized();
        http.get().uri("/api/customers/me").header(HttpHeaders.AUTHORIZATION, ada.bearer()).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        http.get().uri("/api/customers/me/addresses").header(HttpHeaders.AUTHORIZATION, ada.bearer()).exchange()
                .expectStatus().isNotFound();
        http.post().uri("/api/customers/unsubscribe?token={t}&topic=SURVEYS", token).exchange()
                .expectStatus().isNotFound();

        // A second deletion finds nobody and publishes nothing more.
        http.delete().uri("/api/customers/me").header(HttpHeaders.AUTHORIZATION, ada.bearer()).exchange()
                .expectStatus().isNotFound();
        http.delete().uri("/api/admin/customers/" + ada.id()).header(HttpHeaders.AUTHORIZATION, shoppers.adminBearer())
                .exchange().expectStatus().isNotFound();
        await().atMost(Duration.ofSeconds(30)).until(() -> deletedEventsOf(ada.id()) == 1);
        assertThat(jdbc.sql("select count(*) from outbox_event where message_key = ? and type = ?")
                .params(ada.id().toString(), CustomerEvents.CUSTOMER_DELETED).query(Long.class).single())
                .isEqualTo(1);

        // The address is free for a new account.
        http.post().uri("/api/customers").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("email", ada.email(), "password", "another secret", "name", "Ada")).exchange()
                .expectStatus().isCreated();
    }

    @Test
    void anAdministratorFindsAndDeletesACustomer() {
        var shoppers = new Shoppers(http);
        var ada = shoppers.register();
        String admin = shoppers.adminBearer();

        http.get().uri("/api/admin/customers?email={e}", ada.email().toUpperCase()).header(HttpHeaders.AUTHORIZATION, admin)
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(1).jsonPath("$[0].id").isEqualTo(ada.id().toString())
                .jsonPath("$[0].status").isEqualTo("ACTIVE");
        http.delete().uri("/api/admin/customers/" + ada.id()).header(HttpHeaders.AUTHORIZATION, admin).exchange()
                .expectStatus().isNoContent();

        http.get().uri("/api/admin/customers?email={e}", ada.email()).header(HttpHeaders.AUTHORIZATION, admin)
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(0);
        await().atMost(Duration.ofSeconds(30)).until(() -> deletedEventsOf(ada.id()) == 1);
    }

    @Test
    void customersCannotUseTheAdministratorsApi() {
        var ada = new Shoppers(http).register();
        var bob = new Shoppers(http).register();

        http.delete().uri("/api/admin/customers/" + bob.id()).header(HttpHeaders.AUTHORIZATION, ada.bearer())
                .exchange().expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        http.get().uri("/api/admin/customers?email=a").header(HttpHeaders.AUTHORIZATION, ada.bearer()).exchange()
                .expectStatus().isForbidden();
        http.get().uri("/api/admin/customers?email=a").exchange().expectStatus().isUnauthorized();
        http.get().uri("/api/customers/me").header(HttpHeaders.AUTHORIZATION, bob.bearer()).exchange()
                .expectStatus().isOk();
    }

    @Test
    void theLastAdministratorCannotBeDeleted() {
        var shoppers = new Shoppers(http);
        var ada = shoppers.register();
        jdbc.sql("update customer set roles = array['CUSTOMER','ADMIN'] where id = ?").param(ada.id()).update();
        List<UUID> otherAdmins = jdbc.sql("select id from customer where status = 'ACTIVE' and 'ADMIN' = any(roles) and id <> ?")
                .param(ada.id()).query(UUID.class).list();
        String adaAsAdmin = "Bearer " + shoppers.token(ada.email(), ada.password());
        try {
            jdbc.sql("update customer set roles = array['CUSTOMER'] where id in (:ids)").param("ids", otherAdmins).update();

            http.delete().uri("/api/customers/me").header(HttpHeaders.AUTHORIZATION, adaAsAdmin).exchange()
                    .expectStatus().isEqualTo(409)
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
            http.get().uri("/api/customers/me").header(HttpHeaders.AUTHORIZATION, adaAsAdmin).exchange()
                    .expectStatus().isOk();
        }
        finally {
            jdbc.sql("update customer set roles = array['CUSTOMER','ADMIN'] where id in (:ids)").param("ids", otherAdmins)
                    .update();
        }

        http.delete().uri("/api/customers/me").header(HttpHeaders.AUTHORIZATION, adaAsAdmin).exchange()
                .expectStatus().isNoContent();
    }
}
