package com.example.shop.gateway.problem;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes RFC 9457 problem details ({@code application/problem+json}) in the same shape the services use
 * ({@code type}, {@code title}, {@code status}, {@code detail}), so a client sees one error format whether the
 * gateway or a service answered.
 */
public final class Problems {

    private static final JsonMapper JSON = JsonMapper.shared();

    private Problems() {
    }

    /** The problem document for a status and a human-readable detail. */
    public static Map<String, Object> body(HttpStatusCode status, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title(status));
        body.put("status", status.value());
        body.put("detail", detail);
        return body;
    }

    /** Sets status and content type and writes the problem as the whole response body. */
    public static Mono<Void> write(ServerHttpResponse response, HttpStatusCode status, String detail) {
        byte[] bytes = JSON.writeValueAsString(body(status, detail)).getBytes(StandardCharsets.UTF_8);
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().setContentLength(bytes.length);
        DataBuffer buffer = response.bufferFactory().wrap(bytes);
        return response.writeWith(Mono.just(buffer));
    }

    private static String title(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known != null ? known.getReasonPhrase() : "Error";
    }
}
