package com.example.shop.customer.identity.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import com.example.shop.customer.identity.PasswordHashingBusyException;

/**
 * Password hashing that is busy, as a problem, for every endpoint that checks or sets a password (log in, sign
 * up). Ordered before the platform's catch-all handler, which would otherwise answer 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class IdentityProblems {

    /** Refused on purpose, not broken: 503 with Retry-After, so a client (or the gateway) simply asks again. */
    @ExceptionHandler(PasswordHashingBusyException.class)
    ResponseEntity<ProblemDetail> busy(PasswordHashingBusyException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "Too many logins and sign-ups at once; try again in a second.");
        problem.setTitle("Busy");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
