package com.example.shop.loyalty.points.web;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The problems (RFC 9457) the loyalty API answers with; web-support renders them as problem+json. */
final class LoyaltyProblems {

    private LoyaltyProblems() {
    }

    static ErrorResponseException badRequest(String detail) {
        return problem(HttpStatus.BAD_REQUEST, detail, "invalid-request");
    }

    /** 422: the request is well formed but the account cannot do it (never below zero, customer deleted). */
    static ErrorResponseException unprocessable(String detail, String type) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, detail, type);
    }

    /** 409: an id used before for something else. */
    static ErrorResponseException conflict(String detail, String type) {
        return problem(HttpStatus.CONFLICT, detail, type);
    }

    static ErrorResponseException forbidden(String detail) {
        return problem(HttpStatus.FORBIDDEN, detail, "forbidden");
    }

    private static ErrorResponseException problem(HttpStatus status, String detail, String type) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://shop.example.com/problems/" + type));
        return new ErrorResponseException(status, problem, null);
    }
}
