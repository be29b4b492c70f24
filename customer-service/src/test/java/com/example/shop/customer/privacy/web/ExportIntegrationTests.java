package com.example.shop.customer.privacy.web;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import com.example.shop.customer.IntegrationTest;
import com.example.shop.customer.PersonalDataStubs;
import com.example.shop.customer.Shoppers;

class ExportIntegrationTests extends IntegrationTest {

    @Autowired
    RestTestClient http;

    private final PersonalDataStubs stubs = PersonalDataStubs.instance();

    @AfterEach
    void stubsAnswerAgain() {
        stubs.reset();
    }

    private RestTestClient.ResponseSpec export(Shoppers.Shopper who) {
        return http.get().uri("/api/customers/me/export").header(HttpHeaders.AUTHORIZATION, who.bearer()).exchange();
    }

    @Test
    void exportsTheProfileAddressesPreferencesConsentAndEveryServicesAnswer() {
        var ada = new Shoppers(http).register(true);
        Map<String, Object> address = new HashMap<>(Map.of("label", "Home", "name", "Ada Lovelace",
                "line1", "12 St James's Square", "city", "London", "postalCode", "SW1Y 4JH", "country", "GB"));
        http.post().uri("/api/customers/me/addresses").header(HttpHeaders.AUTHORIZATION, ada.bearer())
                .contentType(MediaType.APPLICATION_JSON).body(address).exchange().expectStatus().isCreated();

        export(ada).expectStatus().isOk()
                .expectBody()
                .jsonPath("$.exportedAt").isNotEmpty()
                .jsonPath("$.customer.profile.id").isEqualTo(ada.id().toString())
                .jsonPath("$.customer.profile.email").isEqualTo(ada.email())
                .jsonPath("$.customer.profile.registeredAt").isNotEmpty()
                .jsonPath("$.customer.profile.passwordHash").doesNotExist()
                .jsonPath("$.customer.addresses[0].city").isEqualTo("London")
                .jsonPath("$.customer.preferences.marketingOptIn").isEqualTo(true)
                .jsonPath("$.customer.preferences.subscriptions.SURVEYS[0]").isEqualTo("EMAIL")
                .jsonPath("$.customer.consentHistory[0].source").isEqualTo("REGISTRATION")
                .jsonPath("$.customer.surveys").isArray()
                .jsonPath("$.services.length()").isEqualTo(5)
                .jsonPath("$.services[0].service").isEqualTo("order-service")
                .jsonPath("$.services[1].service").isEqualTo("cart-service")
                .jsonPath("$.services[2].service").isEqualTo("loyalty-service")
                .jsonPath("$.services[3].service").isEqualTo("notification-service")
                .jsonPath("$.services[3].data.customerId").isEqualTo(ada.id().toString())
                .jsonPath("$.services[4].service").isEqualTo("shipping-service");
    }

    @Test
    void givesNoPartialExportWhenAServiceFails() {
        var ada = new Shoppers(http).register();
        stubs.set("loyalty-service", PersonalDataStubs.Mode.FAIL);

        export(ada).expectStatus().isEqualTo(503)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(503).jsonPath("$.services").doesNotExist();
    }

    @Test
    void givesNoPartialExportWhenAServiceDoesNotAnswerInTime() {
        var ada = new Shoppers(http).register();
        stubs.set("notification-service", PersonalDataStubs.Mode.HANG);

        export(ada).expectStatus().isEqualTo(503)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void needsAToken() {
        http.get().uri("/api/customers/me/export").exchange().expectStatus().isUnauthorized();
    }
}
