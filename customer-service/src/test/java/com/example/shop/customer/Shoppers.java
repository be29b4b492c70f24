package com.example.shop.customer;

import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Registers customers and logs them in through the real API, for the feature tests. */
public final class Shoppers {

    /** A registered customer and a token of theirs. */
    public record Shopper(UUID id, String email, String password, String token) {

        public String bearer() {
            return "Bearer " + token;
        }
    }

    private final RestTestClient http;

    public Shoppers(RestTestClient http) {
        this.http = http;
    }

    public Shopper register() {
        return register(false);
    }

    public Shopper register(boolean marketingOptIn) {
        String email = "shopper-" + UUID.randomUUID() + "@example.com";
        Map<?, ?> created = http.post().uri("/api/customers").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("email", email, "password", "correct horse", "name", "Ada Lovelace",
                        "marketingOptIn", marketingOptIn))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        return new Shopper(UUID.fromString((String) created.get("id")), email, "correct horse",
                token(email, "correct horse"));
    }

    public String token(String email, String password) {
        Map<?, ?> body = http.post().uri("/api/auth/token").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("email", email, "password", password))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return (String) body.get("access_token");
    }

    /** A token of the configured administrator of {@link IntegrationTest}. */
    public String adminBearer() {
        return "Bearer " + token("boss@shop.test", "boss-secret");
    }

    public static String authorization() {
        return HttpHeaders.AUTHORIZATION;
    }
}
