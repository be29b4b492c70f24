package com.example.shop.platform.messaging;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.WebEndpoint;

/**
 * {@code GET /actuator/deadletters} lists this service's dead-letter topics with their first pending records,
 * {@code GET /actuator/deadletters/{dltTopic}} one of them, and {@code POST /actuator/deadletters/{dltTopic}}
 * redrives it (see {@link DeadLetters}).
 *
 * <p>Dead letters carry personal data and a redrive re-runs effects, so every operation asks for the role
 * {@code shop.messaging.dead-letters.role} (ADMIN) itself, whatever the service's security lets through to
 * {@code /actuator/**}: the services require a valid token there, this adds the role. Never routed by the
 * gateway; reached on the service's own port.
 */
@WebEndpoint(id = "deadletters")
public class DeadLettersEndpoint {

    private final DeadLetters deadLetters;
    private final String role;

    DeadLettersEndpoint(DeadLetters deadLetters, String role) {
        this.deadLetters = deadLetters;
        this.role = role;
    }

    @ReadOperation
    public WebEndpointResponse<Object> inspect(SecurityContext security) {
        if (!allowed(security)) {
            return forbidden();
        }
        return new WebEndpointResponse<>(Map.of("topics", deadLetters.inspect()));
    }

    @ReadOperation
    public WebEndpointResponse<Object> inspect(SecurityContext security, @Selector String dltTopic) {
        if (!allowed(security)) {
            return forbidden();
        }
        return deadLetters.inspect(dltTopic)
                .map(report -> new WebEndpointResponse<Object>(report))
                .orElseGet(() -> notFound(dltTopic));
    }

    @WriteOperation
    public WebEndpointResponse<Object> redrive(SecurityContext security, @Selector String dltTopic) {
        if (!allowed(security)) {
            return forbidden();
        }
        return deadLetters.redrive(dltTopic)
                .map(redrive -> new WebEndpointResponse<Object>(redrive))
                .orElseGet(() -> notFound(dltTopic));
    }

    private boolean allowed(SecurityContext security) {
        return security != null && security.getPrincipal() != null && security.isUserInRole(role);
    }

    private WebEndpointResponse<Object> forbidden() {
        return problem(403, "Forbidden", "Dead letters need the role " + role + ".");
    }

    private WebEndpointResponse<Object> notFound(String dltTopic) {
        return problem(404, "Not Found", dltTopic + " is not a dead-letter topic of this service; known: "
                + deadLetters.topics().stream().map(DeadLetters.Topic::name).toList() + ".");
    }

    private static WebEndpointResponse<Object> problem(int status, String title, String detail) {
        var body = new LinkedHashMap<String, Object>();
        body.put("type", URI.create("about:blank").toString());
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        return new WebEndpointResponse<>(body, status);
    }

}
