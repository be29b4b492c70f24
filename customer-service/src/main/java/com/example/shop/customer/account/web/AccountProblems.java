package com.example.shop.customer.account.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import com.example.shop.customer.account.CustomerNotFoundException;

/**
 * The account's domain exceptions as problems, for every feature's endpoints under {@code /api/customers/me}.
 * Ordered before the platform's catch-all handler, which would otherwise answer 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class AccountProblems {

    /** A valid token whose customer was deleted (or never existed here). */
    @ExceptionHandler(CustomerNotFoundException.class)
    ResponseEntity<ProblemDetail> customerGone(CustomerNotFoundException ex) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                        "The customer of this token does not exist (any more)."));
    }
}
