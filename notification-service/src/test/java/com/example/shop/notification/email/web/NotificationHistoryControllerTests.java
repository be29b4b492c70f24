package com.example.shop.notification.email.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.ErrorResponseException;

/**
 * The subject translation on its own: test-support's {@code TestTokens} signs only UUID subjects, so a validly
 * signed token with another subject cannot be sent through the filter chain from here.
 */
class NotificationHistoryControllerTests {

    private static Jwt tokenWithSubject(String subject) {
        var jwt = Jwt.withTokenValue("token").header("alg", "RS256");
        if (subject != null) {
            jwt.subject(subject);
        }
        return jwt.claim("roles", List.of("CUSTOMER")).build();
    }

    @Test
    void takesTheCustomerFromTheTokensSubject() {
        UUID customer = UUID.randomUUID();

        assertThat(NotificationHistoryController.customerOf(tokenWithSubject(customer.toString()))).isEqualTo(customer);
    }

    @ParameterizedTest
    @ValueSource(strings = { "not-a-customer-id", "", "service-account@shop" })
    void refusesATokenWhoseSubjectIsNoCustomerIdAsForbidden(String subject) {
        ErrorResponseException refused = catchThrowableOfType(ErrorResponseException.class,
                () -> NotificationHistoryController.customerOf(tokenWithSubject(subject)));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused.getBody().getDetail()).isEqualTo("The token does not name a customer.");
    }

    @Test
    void refusesATokenWithoutSubjectAsForbidden() {
        ErrorResponseException refused = catchThrowableOfType(ErrorResponseException.class,
                () -> NotificationHistoryController.customerOf(tokenWithSubject(null)));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }
}
