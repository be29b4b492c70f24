package com.example.shop.gateway.routing;

import java.util.Locale;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import com.example.shop.gateway.problem.Problems;

/**
 * Keeps the services' {@code /internal/**} API unreachable from outside. No route points there, but a path such
 * as {@code /api/products/../../internal/reservations} matches a route and a service could normalise it into an
 * internal path, so dot segments and encoded separators are refused before any route is chosen.
 */
@Component
class PathGuard implements WebFilter, Ordered {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String rawPath = exchange.getRequest().getURI().getRawPath();
        if (isInternal(rawPath)) {
            return Problems.write(exchange.getResponse(), HttpStatus.NOT_FOUND, "There is nothing at this path.");
        }
        if (isAmbiguous(rawPath)) {
            return Problems.write(exchange.getResponse(), HttpStatus.BAD_REQUEST,
                    "The path must not contain dot segments or encoded separators.");
        }
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        // Before security, so /internal/** is a 404 for everyone, with or without a token.
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    static boolean isInternal(String rawPath) {
        String path = rawPath == null ? "" : rawPath.toLowerCase(Locale.ROOT);
        return path.equals("/internal") || path.startsWith("/internal/") || path.startsWith("/internal;");
    }

    static boolean isAmbiguous(String rawPath) {
        if (rawPath == null) {
            return false;
        }
        String path = rawPath.toLowerCase(Locale.ROOT);
        if (path.contains("%2e") || path.contains("%2f") || path.contains("%5c") || path.contains("\\")
                || path.contains("//") || path.contains(";")) {
            return true;
        }
        for (String segment : path.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return true;
            }
        }
        return false;
    }
}
