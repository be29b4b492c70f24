package com.example.shop.customer.account.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import com.example.shop.platform.testsupport.TestKafka;
import com.example.shop.platform.testsupport.TestPostgres;
import com.example.shop.platform.testsupport.TestTokens;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "shop.admin.email=root@shop.test", "shop.admin.password=admin",
                "spring.kafka.listener.auto-startup=false" })
@AutoConfigureRestTestClient
class CustomerAccountIntegrationTests {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestPostgres.register(registry, "customer");
        TestKafka.register(registry);
    }

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    private static String uniqueEmail() {
        return "ada-" + UUID.randomUUID() + "@example.com";
    }

    private RestTestClient.ResponseSpec register(Object body) {
        return http.post().uri("/api/customers").contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }

    private RestTestClient.ResponseSpec login(String email, String password) {
        return http.post().uri("/api/auth/token").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("email", email, "password", password)).exchange();
    }

    private String tokenFor(String email, String password) {
        Map<?, ?> body = login(email, password).expectStatus().isOk().expectBody(Map.class).returnResult()
                .getResponseBody();
        return (String) body.get("access_token");
    }

    private long customersWith(String email) {
        return jdbc.sql("select count(*) from customer where lower(email) = lower(?)").param(email)
                .query(Long.class).single();
    }

    @Test
    void registersCustomerAndPointsToIt() {
        String email = uniqueEmail();

        register(Map.of("email", email, "password", "correct horse", "name", "Ada Lovelace"))
                .expectStatus().isCreated()
                .expectHeader().value(HttpHeaders.LOCATION, location -> assertThat(location).startsWith("/api/customers/"))
                .expectBody()
                .jsonPath("$.id").isNotEmpty()
                .jsonPath("$.email").isEqualTo(email)
                .jsonPath("$.name").isEqualTo("Ada Lovelace")
                .jsonPath("$.password").doesNotExist();

        String hash = jdbc.sql("select password_hash from customer where email = ?").param(email)
                .query(String.class).single();
        assertThat(hash).startsWith("{bcrypt}").doesNotContain("correct horse");
    }

    @Test
    void refusesSecondRegistrationOfTheSameAddressInAnyLetterCase() {
        String email = uniqueEmail();
        register(Map.of("email", email, "password", "correct horse", "name", "Ada")).expectStatus().isCreated();

        register(Map.of("email", email.toUpperCase(), "password", "another secret", "name", "Imposter"))
                .expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(409);

        assertThat(customersWith(email)).isEqualTo(1);
    }

    static Stream<Arguments> invalidRegistrations() {
        String longName = "x".repeat(101);
        String longPassword = "x".repeat(73);
        return Stream.of(
                arguments("malformed address", "{\"email\":\"not-an-address\",\"password\":\"correct horse\",\"name\":\"Ada\",\"x\":\"EMAIL\"}"),
                arguments("short password", "{\"email\":\"EMAIL\",\"password\":\"short\",\"name\":\"Ada\"}"),
                arguments("blank password", "{\"email\":\"EMAIL\",\"password\":\"        \",\"name\":\"Ada\"}"),
                arguments("too long password", "{\"email\":\"EMAIL\",\"password\":\"" + longPassword + "\",\"name\":\"Ada\"}"),
                arguments("blank name", "{\"email\":\"EMAIL\",\"password\":\"correct horse\",\"name\":\"  \"}"),
                arguments("missing name", "{\"email\":\"EMAIL\",\"password\":\"correct horse\"}"),
                arguments("too long name", "{\"email\":\"EMAIL\",\"password\":\"correct horse\",\"name\":\"" + longName + "\"}"),
                arguments("truncated JSON", "{\"email\":\"EMAIL\",\"password\":"),
                arguments("not an object", "[\"EMAIL\"]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRegistrations")
    void rejectsInvalidRegistrationWithoutWritingAnything(String problem, String template) {
        String email = uniqueEmail();

        register(template.replace("EMAIL", email))
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(400);

        assertThat(customersWith(email)).isZero();
    }

    @Test
    void issuesTokenThatVerifiesAgainstThePublishedKeys() throws Exception {
        String email = uniqueEmail();
        String id = (String) register(Map.of("email", email, "password", "correct horse", "name", "Ada"))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");

        Map<?, ?> response = login(email.toUpperCase(), "correct horse").expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(response.get("token_type")).isEqualTo("Bearer");
        assertThat(response.get("expires_in")).isEqualTo(3600);

        String jwks = http.get().uri("/.well-known/jwks.json").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(jwks).doesNotContain("\"d\"");
        SignedJWT jwt = SignedJWT.parse((String) response.get("access_token"));
        RSAKey key = JWKSet.parse(jwks).getKeyByKeyId(jwt.getHeader().getKeyID()).toRSAKey();
        assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("RS256");

        var claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("shop-customer-service");
        assertThat(claims.getSubject()).isEqualTo(id);
        assertThat(claims.getStringClaim("email")).isEqualTo(email);
        assertThat(claims.getStringClaim("name")).isEqualTo("Ada");
        assertThat(claims.getStringListClaim("roles")).containsExactly("CUSTOMER");
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofHours(1));
    }

    @Test
    void refusesWrongPasswordAndUnknownAddressAlike() {
        String email = uniqueEmail();
        register(Map.of("email", email, "password", "correct horse", "name", "Ada")).expectStatus().isCreated();

        login(email, "battery staple").expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.access_token").doesNotExist();
        login(uniqueEmail(), "correct horse").expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void showsTheCallersOwnProfileWithLoyaltyPoints() {
        String email = uniqueEmail();
        register(Map.of("email", email, "password", "correct horse", "name", "Ada")).expectStatus().isCreated();
        String token = tokenFor(email, "correct horse");

        http.get().uri("/api/customers/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.email").isEqualTo(email)
                .jsonPath("$.name").isEqualTo("Ada")
                .jsonPath("$.loyalty.points").isEqualTo(0)
                .jsonPath("$.passwordHash").doesNotExist();
    }

    @Test
    void refusesProfileWithoutToken() {
        http.get().uri("/api/customers/me").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void refusesTokenThatThisServiceDidNotSign() {
        String foreign = TestTokens.customer(UUID.randomUUID(), "mallory@example.com");

        http.get().uri("/api/customers/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + foreign).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void createsTheConfiguredAdministratorAtStartup() throws Exception {
        String token = tokenFor("ROOT@shop.test", "admin");

        assertThat(SignedJWT.parse(token).getJWTClaimsSet().getStringListClaim("roles"))
                .containsExactly("CUSTOMER", "ADMIN");
    }
}
