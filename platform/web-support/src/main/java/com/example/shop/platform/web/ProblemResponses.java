package com.example.shop.platform.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Writes a minimal RFC 9457 problem straight to the servlet response, without Spring MVC's content negotiation:
 * for the places that answer before or outside a handler (security handlers, the firewall, the error path), and
 * for requests whose Accept header cannot be parsed at all.
 */
final class ProblemResponses {

    private ProblemResponses() {
    }

    static void write(HttpServletResponse response, int status, String detail) throws IOException {
        if (response.isCommitted()) {
            // The status and part of a body are on their way: a problem appended to them would only corrupt it.
            return;
        }
        // Whatever a handler had buffered before it failed is not part of the problem.
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json(status, detail));
        response.flushBuffer();
    }

    /** The body of a problem of type about:blank, whose title is the status' reason phrase. */
    static String json(int status, String detail) {
        return "{\"type\":\"about:blank\",\"title\":\"" + escape(title(status)) + "\",\"status\":" + status
                + ",\"detail\":\"" + escape(detail) + "\"}";
    }

    static String title(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return known != null ? known.getReasonPhrase() : "Error";
    }

    /** The detail of a problem that no handler described: what the status means to a caller, nothing internal. */
    static String defaultDetail(int status) {
        return switch (status) {
            case 400 -> "The request is malformed: its target, headers or parameters cannot be read.";
            case 401 -> "A valid bearer token is required.";
            case 403 -> "You are not allowed to do this.";
            case 404 -> "There is nothing at this address.";
            case 405 -> "This method is not supported here.";
            case 406 -> "None of the accepted media types can be produced; errors are application/problem+json.";
            case 408 -> "The request took too long to arrive.";
            case 413 -> "The request body is too large.";
            case 414 -> "The request target is too long.";
            case 415 -> "This media type is not supported here.";
            case 417 -> "Only 'Expect: 100-continue' is supported.";
            case 431 -> "The request headers are too large.";
            case 503 -> "The service is unavailable; try again later.";
            default -> status >= 500 ? "An unexpected error occurred." : "The request was refused.";
        };
    }

    private static String escape(String text) {
        var json = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029 || Character.isSurrogate(c)) {
                        json.append("\\u%04x".formatted((int) c));
                    }
                    else {
                        json.append(c);
                    }
                }
            }
        }
        return json.toString();
    }
}
