package com.example.shop.carrier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers every error in the provider's error shape rather than the shop's problem+json, because clients of a
 * provider parse the provider's format. Ordered before web-support's handler so it wins.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class CarrierErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(CarrierErrorHandler.class);

    @ExceptionHandler(ApiError.class)
    ResponseEntity<ApiError.Envelope> apiError(ApiError error) {
        return respond(error);
    }

    /** Spring MVC's own errors (unknown path, wrong method, ...) keep their status; the rest is a 500. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError.Envelope> otherError(Exception ex) {
        if (ex instanceof ErrorResponse error) {
            String detail = error.getBody().getDetail();
            return respond(ApiError.of(error.getStatusCode().value(), detail == null ? "Invalid request." : detail));
        }
        log.error("Unexpected error", ex);
        return respond(ApiError.internal("An unexpected error occurred."));
    }

    static ResponseEntity<ApiError.Envelope> respond(ApiError error) {
        return ResponseEntity.status(error.status()).contentType(MediaType.APPLICATION_JSON).body(error.envelope());
    }
}
