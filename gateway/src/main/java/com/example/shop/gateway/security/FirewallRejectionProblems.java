package com.example.shop.gateway.security;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import com.example.shop.gateway.problem.Problems;

/**
 * Answers what Spring Security's {@code StrictServerWebExchangeFirewall} rejects (TRACE and unknown methods, an
 * encoded {@code %}, NUL, CR or LF, line separators and the like in the path) with a problem instead of its default
 * bare 400. A method the firewall refuses is a 405 with {@code Allow}, the rest a 400. The firewall's own message is
 * logged, never returned: it quotes the request.
 */
final class FirewallRejectionProblems implements ServerExchangeRejectedHandler {

    private static final Logger log = LoggerFactory.getLogger(FirewallRejectionProblems.class);

    /** The firewall's default allowed methods, the only ones any route serves. */
    static final List<HttpMethod> ALLOWED = List.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST, HttpMethod.PUT,
            HttpMethod.PATCH, HttpMethod.DELETE, HttpMethod.OPTIONS);

    private static final String ALLOWED_NAMES =
            ALLOWED.stream().map(HttpMethod::name).collect(Collectors.joining(", "));

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
        log.debug("Firewall rejected {} {}: {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
                rejected.getMessage());
        if (exchange.getResponse().isCommitted()) {
            return Mono.empty();
        }
        // RFC 9110 suggests 501 for a method the server does not recognise; this shop answers every request that
        // is the client's fault with a 4xx, and a method outside this list is never one any route implements.
        if (!ALLOWED.contains(exchange.getRequest().getMethod())) {
            exchange.getResponse().getHeaders().setAllow(new LinkedHashSet<>(ALLOWED));
            return Problems.write(exchange.getResponse(), HttpStatus.METHOD_NOT_ALLOWED,
                    "The method is not supported; use one of " + ALLOWED_NAMES + ".");
        }
        return Problems.write(exchange.getResponse(), HttpStatus.BAD_REQUEST,
                "The request was refused: its path or a header holds an encoded %, NUL, CR, LF or line separator, or "
                        + "other characters the gateway does not accept.");
    }
}
