package com.example.shop.payment.payments.web;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The problem+json answers of the payment API, each with its own type. */
final class PaymentProblems {

    private PaymentProblems() {
    }

    static ErrorResponseException of(HttpStatus status, String type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://shop.example.com/problems/" + type));
        return new ErrorResponseException(status, problem, null);
    }
}
