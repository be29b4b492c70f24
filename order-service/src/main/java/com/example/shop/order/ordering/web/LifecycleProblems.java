package com.example.shop.order.ordering.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import com.example.shop.order.ordering.LifecycleException;
import com.example.shop.order.ordering.OrderLifecycle;

/**
 * Translates lifecycle outcomes for the customer's and the admins' controllers: 200 done, 202 still being
 * driven; 404 unknown (or someone else's), 409 the state forbids it or a dependency refused it, 422 a request
 * that cannot be met.
 */
@RestControllerAdvice
public final class LifecycleProblems {

    /** 200 with the order when the transition is done, 202 while it is still being driven. */
    public static ResponseEntity<OrderResponse> answer(OrderLifecycle.Result result, OrderResponse body) {
        return ResponseEntity.status(result.done() ? HttpStatus.OK : HttpStatus.ACCEPTED).body(body);
    }

    @ExceptionHandler(LifecycleException.class)
    ProblemDetail lifecycleRefused(LifecycleException ex) {
        HttpStatus status = switch (ex) {
            case LifecycleException.NotFound notFound -> HttpStatus.NOT_FOUND;
            case LifecycleException.Conflict conflict -> HttpStatus.CONFLICT;
            case LifecycleException.Failed failed -> HttpStatus.CONFLICT;
            case LifecycleException.Invalid invalid -> HttpStatus.UNPROCESSABLE_CONTENT;
        };
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, ex.getMessage());
        if (ex instanceof LifecycleException.Failed) {
            problem.setTitle("Refused by a dependency");
        }
        return problem;
    }
}
