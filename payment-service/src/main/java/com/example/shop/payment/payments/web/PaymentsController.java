package com.example.shop.payment.payments.web;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.example.shop.payment.payments.Money;
import com.example.shop.payment.payments.OrderId;
import com.example.shop.payment.payments.PaymentAuthorizations;
import com.example.shop.payment.payments.PaymentAuthorizations.PaymentDetailsMismatch;
import com.example.shop.payment.payments.PaymentCancellations;
import com.example.shop.payment.payments.PaymentCaptures;
import com.example.shop.payment.payments.PaymentQueries;
import com.example.shop.payment.payments.PaymentRefunds;
import com.example.shop.payment.payments.ProviderOutcomeUnknown;

/** The internal payment API that order-service calls: authorise, cancel (void), capture, refund, summary. */
@RestController
class PaymentsController {

    private final PaymentAuthorizations authorizations;
    private final PaymentCancellations cancellations;
    private final PaymentCaptures captures;
    private final PaymentRefunds refunds;
    private final PaymentQueries queries;

    PaymentsController(PaymentAuthorizations authorizations, PaymentCancellations cancellations,
            PaymentCaptures captures, PaymentRefunds refunds, PaymentQueries queries) {
        this.authorizations = authorizations;
        this.cancellations = cancellations;
        this.captures = captures;
        this.refunds = refunds;
        this.queries = queries;
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

    /**
     * Makes sure no money is held for the order: a payment that went through late is cancelled at the
     * provider. 200 with CANCELLED, DECLINED or NONE; 503 while the provider cannot say.
     */
    @PostMapping("/internal/payments/{orderId}/cancel")
    CancellationResponse cancel(@PathVariable UUID orderId) {
        try {
            return CancellationResponse.of(orderId, cancellations.cancel(new OrderId(orderId)));
        }
        catch (PaymentCancellations.ProviderUnavailable ex) {
            throw new ProviderUnavailable(ex.getMessage());
        }
        catch (PaymentCancellations.AlreadyCaptured ex) {
            throw PaymentProblems.of(HttpStatus.CONFLICT, "payment-captured", ex.getMessage());
        }
    }

    /** Takes the whole authorised amount, once. 409 when there is nothing to capture; 503 while unknown. */
    @PostMapping("/internal/payments/{orderId}/capture")
    CaptureResponse capture(@PathVariable UUID orderId) {
        try {
            return CaptureResponse.of(captures.capture(new OrderId(orderId)));
        }
        catch (PaymentCaptures.NothingToCapture ex) {
            throw PaymentProblems.of(HttpStatus.CONFLICT, "nothing-to-capture", ex.getMessage());
        }
        catch (ProviderOutcomeUnknown ex) {
            throw new ProviderUnavailable(ex.getMessage());
        }
    }

    /** Pays captured money back, once per refund id. 409 when not captured, 422 when it cannot be made. */
    @PostMapping("/internal/payments/{orderId}/refunds")
    RefundResponse refund(@PathVariable UUID orderId, @Valid @RequestBody RefundPaymentRequest request) {
        Money amount;
        try {
            amount = Money.of(request.amount().amount(), request.amount().currency());
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidAmount(ex.getMessage());
        }
        try {
            return RefundResponse.of(refunds.refund(new OrderId(orderId), request.refundId(), amount, request.reason()));
        }
        catch (PaymentRefunds.NotCaptured ex) {
            throw PaymentProblems.of(HttpStatus.CONFLICT, "payment-not-captured", ex.getMessage());
        }
        catch (PaymentRefunds.RefundRejected ex) {
            throw PaymentProblems.of(HttpStatus.UNPROCESSABLE_CONTENT, "refund-rejected", ex.getMessage());
        }
        catch (PaymentRefunds.RefundRefused ex) {
            throw PaymentProblems.of(HttpStatus.UNPROCESSABLE_CONTENT, "refund-refused", ex.getMessage());
        }
        catch (ProviderOutcomeUnknown ex) {
            throw new ProviderUnavailable(ex.getMessage());
        }
    }

    /** The payment's summary with its operations; 404 when the order has none. */
    @GetMapping("/internal/payments/{orderId}")
    PaymentSummaryResponse summary(@PathVariable UUID orderId) {
        return queries.summary(new OrderId(orderId)).map(PaymentSummaryResponse::of)
                .orElseThrow(() -> noPayment(orderId));
    }

    static ErrorResponseException noPayment(UUID orderId) {
        return PaymentProblems.of(HttpStatus.NOT_FOUND, "no-payment", "Order " + orderId + " has no payment.");
    }

    /** 503: the provider cannot be reached now; the caller asks again later. */
    static final class ProviderUnavailable extends ErrorResponseException {
        ProviderUnavailable(String detail) {
            super(HttpStatus.SERVICE_UNAVAILABLE,
                    problem(HttpStatus.SERVICE_UNAVAILABLE, detail, "provider-unavailable"), null);
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
