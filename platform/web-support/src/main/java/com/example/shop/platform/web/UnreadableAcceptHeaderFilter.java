package com.example.shop.platform.web;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.util.InvalidMimeTypeException;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Treats an {@code Accept} header that cannot be parsed ({@code garbage}, {@code *}{@code /*;q=abc},
 * {@code application/json; charset=ebcdic}) as absent, as RFC 9110 (12.5.1) allows a server to disregard it.
 *
 * <p>Without this, content negotiation fails for every answer, including the problem that reports the failure: the
 * services' own {@code @ExceptionHandler}s that return a {@code ProblemDetail} would answer with an empty body.
 */
public class UnreadableAcceptHeaderFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(readable(request) ? request : new WithoutAccept(request), response);
    }

    /** Read as content negotiation reads it: every value together, then sorted (which refuses more than 50). */
    private static boolean readable(HttpServletRequest request) {
        Enumeration<String> values = request.getHeaders(HttpHeaders.ACCEPT);
        if (values == null || !values.hasMoreElements()) {
            return true;
        }
        try {
            List<MediaType> mediaTypes = MediaType.parseMediaTypes(Collections.list(values));
            MimeTypeUtils.sortBySpecificity(mediaTypes);
            return true;
        }
        catch (InvalidMediaTypeException | InvalidMimeTypeException ex) {
            return false;
        }
    }

    /** The request as if it had come without an {@code Accept} header. */
    private static final class WithoutAccept extends HttpServletRequestWrapper {

        WithoutAccept(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getHeader(String name) {
            return isAccept(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return isAccept(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            return Collections.enumeration(Collections.list(super.getHeaderNames()).stream()
                    .filter(header -> !isAccept(header)).toList());
        }

        private static boolean isAccept(String name) {
            return HttpHeaders.ACCEPT.equalsIgnoreCase(name);
        }
    }
}
