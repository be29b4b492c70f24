package com.example.shop.gateway;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.example.shop.platform.testsupport.TestTokens;

/**
 * The gateway comes up and reports ready while nothing behind it is running yet, customer-service's JWKS
 * included (it is fetched on the first token, not at startup), so the system's start order does not matter.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class GatewayStartupIntegrationTests {

    @DynamicPropertySource
    static void nothingIsRunning(DynamicPropertyRegistry registry) {
        String down = FakeService.closedPortUrl();
        registry.add("SHOP_JWKS_URI", () -> down + "/.well-known/jwks.json");
        for (String service : new String[] { "CUSTOMER", "CATALOG", "CART", "ORDER", "NOTIFICATION" }) {
            registry.add("SHOP_" + service + "_URL", () -> down);
        }
    }

    @Autowired
    WebTestClient client;

    @Test
    void startsAndIsReadyWhileNoServiceIsUp() {
        client.get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        client.get().uri("/actuator/health/liveness").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void tokenThatCannotBeCheckedBecauseKeysAreUnreachableIsA503Problem() {
        String token = TestTokens.customer(UUID.randomUUID(), "ada@example.com");
        client.get().uri("/api/orders").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(503);
    }
}
