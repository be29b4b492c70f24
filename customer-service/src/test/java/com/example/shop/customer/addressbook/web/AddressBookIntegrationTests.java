package com.example.shop.customer.addressbook.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import com.example.shop.customer.IntegrationTest;
import com.example.shop.customer.Shoppers;

class AddressBookIntegrationTests extends IntegrationTest {

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    private Shoppers.Shopper ada;

    @BeforeEach
    void registerACustomer() {
        ada = new Shoppers(http).register();
    }

    private static Map<String, Object> home() {
        Map<String, Object> address = new HashMap<>();
        address.put("label", "Home");
        address.put("name", "Ada Lovelace");
        address.put("line1", "12 St James's Square");
        address.put("city", "London");
        address.put("postalCode", "SW1Y 4JH");
        address.put("country", "GB");
        return address;
    }

    private RestTestClient.ResponseSpec add(Shoppers.Shopper who, Object body) {
        return http.post().uri("/api/customers/me/addresses").header(HttpHeaders.AUTHORIZATION, who.bearer())
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }

    private String addedId(Map<String, Object> body) {
        return (String) add(ada, body).expectStatus().isCreated().expectBody(Map.class).returnResult()
                .getResponseBody().get("id");
    }

    private List<Map<String, Object>> list(Shoppers.Shopper who) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> addresses = http.get().uri("/api/customers/me/addresses")
                .header(HttpHeaders.AUTHORIZATION, who.bearer()).exchange()
                .expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody();
        return addresses;
    }

    @Test
    void addsListsReplacesAndRemovesAddresses() {
        var office = home();
        office.put("label", "Office");
        office.put("line2", "Second floor");
        office.put("phone", "+44 20 7946 0000");
        office.put("country", "gb");
        String homeId = addedId(home());
        String officeId = addedId(office);

        assertThat(list(ada)).extracting(a -> a.get("label")).containsExactly("Home", "Office");
        assertThat(list(ada).get(1)).containsEntry("country", "GB").containsEntry("line2", "Second floor")
                .containsEntry("phone", "+44 20 7946 0000").containsEntry("defaultShipping", false);

        var moved = home();
        moved.put("city", "Cambridge");
        http.put().uri("/api/customers/me/addresses/" + homeId).header(HttpHeaders.AUTHORIZATION, ada.bearer())
                .contentType(MediaType.APPLICATION_JSON).body(moved).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.city").isEqualTo("Cambridge");

        http.delete().uri("/api/customers/me/addresses/" + officeId).header(HttpHeaders.AUTHORIZATION, ada.bearer())
                .exchange().expectStatus().isNoContent();
        http.delete().uri("/api/customers/me/addresses/" + officeId).header(HttpHeaders.AUTHORIZATION, ada.bearer())
                .exchange().expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(list(ada)).extracting(a -> a.get("city")).containsExactly("Cambridge");
    }

    @Test
    void keepsAtMostOneDefaultShippingAddress() {
        var first = home();
        first.put("defaultShipping", true);
        String firstId = addedId(first);
        var second = home();
        second.put("label", "Office");
        second.put("defaultShipping", true);
        String secondId = addedId(second);

        assertThat(list(ada)).filteredOn(a -> Boolean.TRUE.equals(a.get("defaultShipping")))
                .extracting(a -> a.get("id")).containsExactly(secondId);

        http.put().uri("/api/customers/me/addresses/" + firstId).header(HttpHeaders.AUTHORIZATION, ada.bearer())
                .contentType(MediaType.APPLICATION_JSON).body(first).exchange().expectStatus().isOk();
        assertThat(list(ada)).filteredOn(a -> Boolean.TRUE.equals(a.get("defaultShipping")))
                .extracting(a -> a.get("id")).containsExactly(firstId);
    }

    @Test
    void refusesTheTwentyFirstAddressWith422() {
        for (int i = 0; i < 20; i++) {
            add(ada, home()).expectStatus().isCreated();
        }

        add(ada, home()).expectStatus().isEqualTo(422)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(422);
        assertThat(list(ada)).hasSize(20);
    }

    @Test
    void hidesOtherCustomersAddresses() {
        String homeId = addedId(home());
        var mallory = new Shoppers(http).register();

        assertThat(list(mallory)).isEmpty();
        http.put().uri("/api/customers/me/addresses/" + homeId).header(HttpHeaders.AUTHORIZATION, mallory.bearer())
                .contentType(MediaType.APPLICATION_JSON).body(home()).exchange().expectStatus().isNotFound();
        http.delete().uri("/api/customers/me/addresses/" + homeId).header(HttpHeaders.AUTHORIZATION, mallory.bearer())
                .exchange().expectStatus().isNotFound();
        assertThat(list(ada)).hasSize(1);
    }

    static Stream<Arguments> invalidAddresses() {
        return Stream.of(
                arguments("missing line1", Map.of("line1", "")),
                arguments("blank city", Map.of("city", "  ")),
                arguments("unknown country", Map.of("country", "XX")),
                arguments("three-letter country", Map.of("country", "GBR")),
                arguments("newline in name", Map.of("name", "Ada\nLovelace")),
                arguments("phone with letters", Map.of("phone", "call me")),
                arguments("label too long", Map.of("label", "x".repeat(51))),
                arguments("postal code with symbols", Map.of("postalCode", "<script>")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidAddresses")
    void refusesInvalidAddressesWithoutStoringThem(String problem, Map<String, Object> change) {
        var address = home();
        address.putAll(change);

        add(ada, address).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(400);
        assertThat(list(ada)).isEmpty();
    }

    @Test
    void refusesABodyThatIsNotAnAddress() {
        add(ada, "[1,2]").expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        http.put().uri("/api/customers/me/addresses/not-a-uuid").header(HttpHeaders.AUTHORIZATION, ada.bearer())
                .contentType(MediaType.APPLICATION_JSON).body(home()).exchange().expectStatus().isBadRequest();
    }

    @Test
    void needsAToken() {
        http.get().uri("/api/customers/me/addresses").exchange().expectStatus().isUnauthorized();
    }
}
