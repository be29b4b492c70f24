package com.example.shop.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;

class ProblemJsonSecurityHandlersTests {

    private final ProblemJsonSecurityHandlers handlers = new ProblemJsonSecurityHandlers();

    @Test
    void answersAMissingTokenWith401ProblemAndABearerChallenge() throws Exception {
        var response = new MockHttpServletResponse();

        handlers.commence(new MockHttpServletRequest(), response, new BadCredentialsException("no token"));

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(response.getContentType()).isEqualTo("application/problem+json;charset=UTF-8");
        assertThat(response.getContentAsString()).contains("\"status\":401");
    }

    @Test
    void answersAMissingRoleWith403Problem() throws Exception {
        var response = new MockHttpServletResponse();

        handlers.handle(new MockHttpServletRequest(), response, new AccessDeniedException("not an admin"));

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getContentType()).isEqualTo("application/problem+json;charset=UTF-8");
        assertThat(response.getContentAsString()).contains("\"status\":403");
    }
}
