package com.example.shop.platform.web;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
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

    private static boolean readable(HttpServletRequest request) {
        Enumeration<String> values = request.getHeaders(HttpHeaders.ACCEPT);
        while (values != null && values.hasMoreElements()) {
            try {
                MediaType.parseMediaTypes(values.nextElement());
            }
            catch (InvalidMediaTypeException ex) {
                return false;
            }
        }
        return true;
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
