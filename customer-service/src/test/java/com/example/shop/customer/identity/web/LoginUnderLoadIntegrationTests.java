package com.example.shop.customer.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.example.shop.platform.testsupport.TestKafka;
import com.example.shop.platform.testsupport.TestPostgres;

/**
 * More logins at once than password hashing has turns for: the ones that cannot get a turn in time are refused
 * on purpose, 503 with Retry-After and a problem, and the service keeps answering (here one turn, no wait).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "shop.admin.email=root@shop.test", "shop.admin.password=admin",
                "spring.kafka.listener.auto-startup=false", "shop.passwords.max-concurrent-hashes=1",
                "shop.passwords.max-wait=1ms" })
class LoginUnderLoadIntegrationTests {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestPostgres.register(registry, "customer_logins");
        TestKafka.register(registry);
    }

    @LocalServerPort
    int port;

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void refusesTheLoginsThatCannotBeHashedInTimeWith503AndRetryAfter() throws Exception {
        String email = "busy-" + UUID.randomUUID() + "@example.com";
        assertThat(post("/api/customers", "{\"email\":\"" + email + "\",\"password\":\"correct-horse\",\"name\":\"B\"}")
                .statusCode()).isEqualTo(201);
        String login = "{\"email\":\"" + email + "\",\"password\":\"correct-horse\"}";

        List<CompletableFuture<HttpResponse<String>>> logins = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            logins.add(CompletableFuture.supplyAsync(() -> post("/api/auth/token", login)));
        }
        List<HttpResponse<String>> answers = logins.stream().map(CompletableFuture::join).toList();

        assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(200, 503).contains(200, 503);
        HttpResponse<String> refused = answers.stream().filter(a -> a.statusCode() == 503).findFirst().orElseThrow();
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.body()).contains("Too many logins and sign-ups at once");
        assertThat(post("/api/auth/token", login).statusCode()).as("once the burst is over").isEqualTo(200);
    }

    private HttpResponse<String> post(String path, String json) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }
}
