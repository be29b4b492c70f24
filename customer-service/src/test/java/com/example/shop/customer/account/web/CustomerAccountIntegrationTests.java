package com.example.shop.customer.account.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
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

    @Autowired
    JwtEncoder encoder;

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

        var created = register(Map.of("email", email, "password", "correct horse", "name", "Ada Lovelace"))
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult();
        @SuppressWarnings("unchecked")
        Map<String, Object> body = created.getResponseBody();
        assertThat(body).containsEntry("email", email).containsEntry("name", "Ada Lovelace")
                .doesNotContainKey("password");
        assertThat(created.getResponseHeaders().getLocation()).hasToString("/api/customers/" + body.get("id"));

        String hash = jdbc.sql("select password_hash from customer where email = ?").param(email)
                .query(String.class).single();
        assertThat(hash).startsWith("{bcrypt}").doesNotContain("correct horse");
    }

    @Test
    void theLocationOfARegistrationShowsTheCustomerToThemselfAndToAdministrators() {
        String email = uniqueEmail();
        String location = register(Map.of("email", email, "password", "correct horse", "name", "Ada"))
                .expectStatus().isCreated()
                .returnResult().getResponseHeaders().getLocation().toString();

        http.get().uri(location).header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenFor(email, "correct horse"))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.email").isEqualTo(email)
                .jsonPath("$.name").isEqualTo("Ada")
                .jsonPath("$.passwordHash").doesNotExist();
        http.get().uri(location).header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenFor("root@shop.test", "admin"))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.email").isEqualTo(email);
    }

    @Test
    void hidesACustomerFromOtherCustomersAsIfItDidNotExist() {
        String email = uniqueEmail();
        String location = register(Map.of("email", email, "password", "correct horse", "name", "Ada"))
                .expectStatus().isCreated()
                .returnResult().getResponseHeaders().getLocation().toString();
        String other = uniqueEmail();
        register(Map.of("email", other, "password", "correct horse", "name", "Mallory")).expectStatus().isCreated();
        String otherToken = tokenFor(other, "correct horse");

        http.get().uri(location).header(HttpHeaders.AUTHORIZATION, "Bearer " + otherToken).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        http.get().uri("/api/customers/" + UUID.randomUUID()).header(HttpHeaders.AUTHORIZATION, "Bearer " + otherToken)
                .exchange()
                .expectStatus().isNotFound();
        http.get().uri(location).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void refusesAPasswordOfMoreThan72BytesEvenWhenItHasFewerCharacters() {
        String email = uniqueEmail();
        String eighty = "é".repeat(40);

        register(Map.of("email", email, "password", eighty, "name", "Ada"))
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(400);

        assertThat(customersWith(email)).isZero();
    }

    @Test
    void acceptsAPasswordOfExactly72Bytes() {
        String email = uniqueEmail();
        String password = "é".repeat(36);
        register(Map.of("email", email, "password", password, "name", "Ada")).expectStatus().isCreated();

        tokenFor(email, password);
    }

    @Test
    void refusesALoginWithAnOverlongPasswordWithoutFailing() {
        String email = uniqueEmail();
        register(Map.of("email", email, "password", "correct horse", "name", "Ada")).expectStatus().isCreated();

        login(email, "é".repeat(40)).expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        login(email, "x".repeat(500)).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void refusesALoginWithControlCharactersInTheAddressAsBadInput() {
        login("ada\u0000@example.com", "correct horse").expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void refusesAValidlySignedTokenWhoseSubjectIsNoCustomerId() {
        Instant now = Instant.now();
        var claims = JwtClaimsSet.builder().issuer("shop-customer-service").subject("not-a-customer-id")
                .claim("email", "robot@example.com").claim("roles", List.of("CUSTOMER"))
                .issuedAt(now).expiresAt(now.plusSeconds(300)).build();
        String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(),
                claims)).getTokenValue();

        http.get().uri("/api/customers/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(403);
        http.get().uri("/api/customers/" + UUID.randomUUID()).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectStatus().isForbidden();
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
                arguments("password of 73 bytes", "{\"email\":\"EMAIL\",\"password\":\"" + "é".repeat(36) + "x\",\"name\":\"Ada\"}"),
                arguments("NUL in name", "{\"email\":\"EMAIL\",\"password\":\"correct horse\",\"name\":\"Ada\\u0000\"}"),
                arguments("newline in name", "{\"email\":\"EMAIL\",\"password\":\"correct horse\",\"name\":\"Ada\\nLovelace\"}"),
                arguments("NUL in e-mail", "{\"email\":\"EMAIL\\u0000\",\"password\":\"correct horse\",\"name\":\"Ada\"}"),
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
                .jsonPath("$.loyalty").doesNotExist()
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
