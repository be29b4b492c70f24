package com.example.shop.gateway.routing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
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
 *
 * <p>A path whose %-escapes do not decode as UTF-8 ({@code %c0%ae}, an overlong dot; {@code %ff%fe}) is refused too:
 * every service reads paths as UTF-8, and its servlet container would answer such a path with its own HTML error
 * page, or a lenient decoder could turn it into a separator.
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
        if (!decodesAsUtf8(rawPath)) {
            return Problems.write(exchange.getResponse(), HttpStatus.BAD_REQUEST,
                    "The path holds %-escapes that are not valid UTF-8.");
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

    /** True when every %-escape is well formed and the bytes they spell, with the plain characters, are UTF-8. */
    static boolean decodesAsUtf8(String rawPath) {
        if (rawPath == null || rawPath.indexOf('%') < 0) {
            return true;
        }
        var bytes = new ByteArrayOutputStream(rawPath.length());
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c == '%') {
                if (i + 2 >= rawPath.length()) {
                    return false;
                }
                int high = Character.digit(rawPath.charAt(i + 1), 16);
                int low = Character.digit(rawPath.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return false;
                }
                bytes.write(high * 16 + low);
                i += 2;
            }
            else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()));
            return true;
        }
        catch (CharacterCodingException ex) {
            return false;
        }
    }
}
