package com.example.shop.psp;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers every error of the provider's API ({@code /v1/**}) in Stripe's error shape rather than the shop's
 * problem+json, because clients of a provider parse the provider's format. Ordered before web-support's
 * handler so it wins. The simulator's own control paths ({@code /simulator/**}) are the shop's tooling and
 * answer problem+json.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class StripeErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(StripeErrorHandler.class);

    @ExceptionHandler(ApiError.class)
    ResponseEntity<ApiError.Envelope> apiError(ApiError error) {
        return respond(error);
    }

    /** Spring MVC's own errors (unknown path, wrong method, ...) keep their status; the rest is a 500. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<?> otherError(Exception ex, HttpServletRequest request) {
        if (request.getRequestURI().startsWith("/simulator/")) {
            return problem(ex);
        }
        if (ex instanceof ErrorResponse error) {
            String detail = error.getBody().getDetail();
            return respond(ApiError.of(error.getStatusCode().value(), detail == null ? "Invalid request." : detail));
        }
        log.error("Unexpected error", ex);
        return respond(ApiError.api("An unexpected error occurred."));
    }

    static ResponseEntity<ApiError.Envelope> respond(ApiError error) {
        return ResponseEntity.status(error.status()).contentType(MediaType.APPLICATION_JSON).body(error.envelope());
    }

    private static ResponseEntity<ProblemDetail> problem(Exception ex) {
        ProblemDetail problem;
        if (ex instanceof ErrorResponse error) {
            problem = error.getBody();
        }
        else {
            log.error("Unexpected error", ex);
            problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, "An unexpected error occurred.");
            problem.setType(URI.create("about:blank"));
        }
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
