package com.example.shop.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import com.example.shop.platform.testsupport.TestTokens;

/** Services accept only tokens that customer-service issued, checked against its published keys. */
class IssuerCheckTests {

    private final WebApplicationContextRunner context = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(OAuth2ResourceServerAutoConfiguration.class,
                    WebSupportAutoConfiguration.class))
            .withPropertyValues("spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + TestTokens.jwksUri());

    @Test
    void acceptsATokenOfTheShopsIssuer() {
        context.run(app -> {
            String token = TestTokens.customer(UUID.randomUUID(), "ada@example.com");
            assertThat(app.getBean(JwtDecoder.class).decode(token).getClaimAsString("email")).isEqualTo("ada@example.com");
        });
    }

    @Test
    void refusesATokenSignedWithTheRightKeyButIssuedBySomeoneElse() {
        context.run(app -> {
            String token = TestTokens.token(UUID.randomUUID().toString(), "ada@example.com", List.of("ADMIN"),
                    "https://elsewhere.example");
            assertThatThrownBy(() -> app.getBean(JwtDecoder.class).decode(token))
                    .isInstanceOf(JwtValidationException.class)
                    .hasMessageContaining("iss");
        });
    }
}
