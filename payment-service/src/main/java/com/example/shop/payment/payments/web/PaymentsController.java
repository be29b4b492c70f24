package com.example.shop.payment.payments.web;

import java.net.URI;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.example.shop.payment.payments.Money;
import com.example.shop.payment.payments.OrderId;
import com.example.shop.payment.payments.PaymentAuthorizations;
import com.example.shop.payment.payments.PaymentAuthorizations.PaymentDetailsMismatch;

/** The internal payment API that order-service calls during checkout. */
@RestController
class PaymentsController {

    private final PaymentAuthorizations authorizations;

    PaymentsController(PaymentAuthorizations authorizations) {
        this.authorizations = authorizations;
    }

    @PostMapping("/internal/payments")
    PaymentResponse authorize(@Valid @RequestBody AuthorizePaymentRequest request) {
        Money amount;
        try {
            amount = Money.of(request.amount().amount(), request.amount().currency());
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidAmount(ex.getMessage());
        }
        try {
            return PaymentResponse.of(authorizations.authorize(new OrderId(request.orderId()), amount,
                    request.paymentToken()));
        }
        catch (PaymentDetailsMismatch ex) {
            throw new ConflictingPayment(ex.getMessage());
        }
    }

    /** 400: an amount the currency cannot have, or an unknown currency. */
    static final class InvalidAmount extends ErrorResponseException {
        InvalidAmount(String detail) {
            super(HttpStatus.BAD_REQUEST, problem(HttpStatus.BAD_REQUEST, detail, "invalid-amount"), null);
        }
    }

    /** 409: the order already has a payment for another amount or token; its outcome is not overwritten. */
    static final class ConflictingPayment extends ErrorResponseException {
        ConflictingPayment(String detail) {
            super(HttpStatus.CONFLICT, problem(HttpStatus.CONFLICT, detail, "conflicting-payment"), null);
        }
    }

    private static ProblemDetail problem(HttpStatus status, String detail, String type) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://shop.example.com/problems/" + type));
        return problem;
    }
}
